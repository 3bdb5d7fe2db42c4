// The C# adapter's model: which numbers and constants are statuses (and in what role), the
// handlers of controllers and minimal APIs, the facts of each response, edits that leave valid
// C#, the completion slot on half-typed code, and the using directive a vocabulary needs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../helpers/analyze';
import { csharpAdapter } from '../../server/src/languages/csharp/adapter';
import { loadLanguage, parserFor, type Tree } from '../../server/src/parsing/treeSitter';
import type { DocumentModel, OffsetEdit, ResponseFacts } from '../../server/src/model';
import { applyEdits as apply } from '../helpers/modelEdits';

async function parse(text: string): Promise<Tree> {
  return parserFor('c-sharp', await loadLanguage('c-sharp')).parse(text)!;
}

async function assertValid(text: string): Promise<void> {
  const tree = await parse(text);
  try {
    assert.equal(tree.rootNode.hasError, false, `edited code does not parse:\n${text}`);
  } finally {
    tree.delete();
  }
}

function response(model: DocumentModel, text: string, prefix: string): ResponseFacts {
  const r = model.responses.find((x) => text.slice(x.span.start, x.span.end).startsWith(prefix));
  assert.ok(r, `no response starting with ${prefix}; have: ${model.responses.map((x) => text.slice(x.span.start, x.span.end)).join(' | ')}`);
  return r;
}

function sites(model: DocumentModel, text: string): string[] {
  return model.sites.map((s) => `${text.slice(s.span.start, s.span.end)} ${s.code} ${s.kind} ${s.role}`);
}

const controller = `using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Shop;

[ApiController]
[Route("api/users")]
public class UsersController : ControllerBase
{
    [HttpGet("{id}")]
    [ProducesResponseType(StatusCodes.Status404NotFound)]
    public async Task<IActionResult> Get(int id)
    {
        var user = await _db.Users.FindAsync(id);
        if (user == null)
        {
            return NotFound(new { error = "no such user" });
        }
        return Ok(user);
    }

    [HttpPost]
    public async Task<IActionResult> Create(UserDto dto)
    {
        if (!ModelState.IsValid)
        {
            return ValidationProblem();
        }
        try
        {
            var user = await _db.AddAsync(dto);
            return CreatedAtAction(nameof(Get), new { id = user.Id }, user);
        }
        catch (DbUpdateException ex)
        {
            Response.Headers["Retry-After"] = "5";
            return StatusCode(503, new { message = ex.Message, trace = ex.StackTrace });
        }
    }

    [HttpDelete("{id}")]
    public ActionResult<UserDto> Delete(int id)
    {
        if (!_db.Remove(id))
        {
            return new ObjectResult(new { error = "locked" }) { StatusCode = StatusCodes.Status423Locked };
        }
        return new UserDto(id);
    }
}
`;

test('sites: numbers in status calls, constants anywhere, helpers as implicit sites', async () => {
  const { model } = await analyze(controller, 'csharp', 'file:///m/UsersController.cs');
  assert.deepEqual(sites(model, controller), [
    'StatusCodes.Status404NotFound 404 constant declaration',
    'NotFound 404 implicit response',
    'Ok 200 implicit response',
    'ValidationProblem 400 implicit response',
    'CreatedAtAction 201 implicit response',
    '503 503 number response',
    'StatusCodes.Status423Locked 423 constant response',
  ]);
  assert.deepEqual(model.vocabularies.map((v) => `${v.vocabulary} ${v.form}`), ['aspnet StatusCodes.NAME']);
});

test('handlers: controller actions and minimal API registrations, with routes', async () => {
  const { model } = await analyze(controller, 'csharp', 'file:///m/UsersController.cs');
  assert.deepEqual(model.handlers.map((h) => `${h.method} ${h.route} [${h.routeMethods?.join(',')}]`), [
    'GET /api/users/{id} [GET,DELETE]',
    'POST /api/users [POST]',
    'DELETE /api/users/{id} [GET,DELETE]',
  ]);
  const minimal = `var app = WebApplication.Create();
var api = app.MapGroup("/api").RequireAuthorization();
api.MapGet("/todos/{id}", (int id) => Results.Ok(id));
api.MapDelete("/todos/{id}", DeleteTodo);
app.MapPost("/todos", async (Todo t, Db db) => { await db.SaveAsync(t); return Results.Created($"/todos/{t.Id}", t); });
static IResult DeleteTodo(int id) => Results.NoContent();
`;
  const { model: m } = await analyze(minimal, 'csharp');
  assert.deepEqual(m.handlers.map((h) => `${h.method} ${h.route} [${h.routeMethods?.join(',')}]`), [
    'GET /api/todos/{id} [GET,DELETE]',
    'POST /todos [POST]',
    'DELETE /api/todos/{id} [GET,DELETE]',
  ]);
  assert.ok(m.handlers[1].calls.includes('SaveAsync'));
  const created = response(m, minimal, 'Results.Created');
  assert.equal(created.helper, 'created');
  assert.equal(m.handlers[created.handler!].method, 'POST');
});

test('response facts: body shape, leaks, headers set earlier, branches', async () => {
  const { model } = await analyze(controller, 'csharp', 'file:///m/UsersController.cs');
  const notFound = response(model, controller, 'NotFound(');
  assert.equal(notFound.branch?.kind, 'not-found');
  assert.match(notFound.body?.errorShape?.reason ?? '', /"error" member/);
  assert.equal(response(model, controller, 'ValidationProblem').branch?.kind, 'validation-error');
  const failed = response(model, controller, 'StatusCode(503');
  assert.equal(failed.branch?.kind, 'catch');
  assert.equal(failed.branch?.errorName, 'ex');
  assert.deepEqual(failed.headers.map((h) => h.name), ['retry-after']);
  assert.match(failed.body?.leak?.what ?? '', /StackTrace/);
  assert.equal(controller.slice(failed.body!.rawErrorMessage!.start, failed.body!.rawErrorMessage!.end), 'ex.Message');
  const created = response(model, controller, 'CreatedAtAction');
  assert.equal(created.helper, 'created');
  assert.equal(controller.slice(created.body!.span.start, created.body!.span.end), 'user');
  // An ActionResult<T> action returning a value answers 200 with it.
  const plain = model.responses.find((r) => r.implicitStatus === 200);
  assert.ok(plain);
  assert.equal(controller.slice(plain.span.start, plain.span.end), 'new UserDto(id)');
});

test('middleware: status assigned, headers appended, body written on the same response', async () => {
  const text = `app.Use(async (context, next) =>
{
    if (!context.Request.Headers.ContainsKey("X-Api-Key"))
    {
        context.Response.StatusCode = 401;
        await context.Response.WriteAsJsonAsync(new { error = "missing key" });
        return;
    }
    context.Response.Headers.CacheControl = "no-store";
    await next(context);
});`;
  const { model } = await analyze(text, 'csharp');
  const r = response(model, text, 'context.Response.StatusCode = 401');
  assert.equal(r.branch?.kind, 'auth-check');
  assert.match(r.body?.errorShape?.reason ?? '', /"error" member/);
  assert.deepEqual(r.headers, [], 'Cache-Control is set on the other path');
  let out = apply(text, r.edits.addHeader!('WWW-Authenticate', 'ApiKey'));
  assert.match(out, /StatusCode = 401;\n {8}context\.Response\.Headers\["WWW-Authenticate"\] = "ApiKey";/);
  await assertValid(out);
  out = apply(text, r.edits.dropBody!());
  assert.doesNotMatch(out, /WriteAsJsonAsync/);
  await assertValid(out);
});

test('edits: status, header, body in valid C#', async () => {
  const { model } = await analyze(controller, 'csharp', 'file:///m/UsersController.cs');
  const notFound = response(model, controller, 'NotFound(');
  const ok = response(model, controller, 'Ok(user)');
  const failed = response(model, controller, 'StatusCode(503');
  const locked = response(model, controller, 'new ObjectResult');
  const problem = response(model, controller, 'ValidationProblem');
  const cases: [string, OffsetEdit[] | undefined, RegExp][] = [
    ['helper becomes StatusCode(code, body)', notFound.edits.setStatus!(410), /return StatusCode\(410, new \{ error = "no such user" \}\);/],
    ['number status', failed.edits.setStatus!(500), /return StatusCode\(500, new/],
    ['constant stays a constant', locked.edits.setStatus!(409), /StatusCode = StatusCodes\.Status409Conflict \}/],
    ['problem gets a statusCode', problem.edits.setStatus!(422), /return ValidationProblem\(statusCode: 422\);/],
    ['helper drops its body', notFound.edits.dropBody!(), /return NotFound\(\);/],
    ['StatusCode drops its body', failed.edits.dropBody!(), /return StatusCode\(503\);/],
    ['ObjectResult body becomes null', locked.edits.dropBody!(), /new ObjectResult\(null\) \{ StatusCode/],
    ['header line before the return', ok.edits.addHeader!('ETag', '"v1"'), /Response\.Headers\["ETag"\] = "\\"v1\\"";\n {8}return Ok\(user\);/],
  ];
  for (const [what, edits, expected] of cases) {
    const out = apply(controller, edits);
    assert.match(out, expected, what);
    await assertValid(out);
  }
  // `if (x) return NotFound();` has no block to put a header line in: no edit rather than a wrong one.
  const bare = 'class C : ControllerBase { IActionResult F(int x) { if (x == 0) return NotFound(); return Ok(); } }';
  const { model: m } = await analyze(bare, 'csharp');
  assert.equal(response(m, bare, 'NotFound').edits.addHeader!('X', 'y'), undefined);
});

test('minimal API edits: Results.Json keeps the body, TypedResults are left alone', async () => {
  const text = `app.MapPost("/x", (Item item) =>
{
    if (item.Name is null) { return Results.BadRequest(new { error = "name" }); }
    if (item.Locked) { return TypedResults.Conflict(); }
    return Results.Json(item, statusCode: 202);
});`;
  const { model } = await analyze(text, 'csharp');
  const bad = response(model, text, 'Results.BadRequest');
  let out = apply(text, bad.edits.setStatus!(422));
  assert.match(out, /return Results\.Json\(new \{ error = "name" \}, statusCode: 422\);/);
  await assertValid(out);
  assert.equal(response(model, text, 'TypedResults.Conflict').edits.setStatus!(409), undefined);
  const json = response(model, text, 'Results.Json');
  out = apply(text, json.edits.setStatus!(201));
  assert.match(out, /statusCode: 201\)/);
  out = apply(text, json.edits.dropBody!());
  assert.match(out, /Results\.Json\(null, statusCode: 202\)/);
  await assertValid(out);
});

test('accepts: ASP.NET Core takes ints; a cast or an HttpResponseMessage says otherwise', async () => {
  const text = `public class C : ControllerBase {
    public IActionResult A() { return StatusCode(StatusCodes.Status409Conflict, new { message = "taken" }); }
    public IActionResult B() { return new ObjectResult(null) { StatusCode = 423 }; }
    public IActionResult D() { return StatusCode((int)HttpStatusCode.Conflict); }
    [ProducesResponseType(404)] public IActionResult E() { return Problem(statusCode: 418); }
    public async Task M(HttpContext context) { context.Response.StatusCode = 401; }
    public HttpResponseMessage F() { var response = new HttpResponseMessage(); response.StatusCode = HttpStatusCode.Accepted; return response; }
}
app.MapGet("/x", () => Results.StatusCode(503));`;
  const { model } = await analyze(text, 'csharp');
  assert.deepEqual(model.sites.map((s) => `${text.slice(s.span.start, s.span.end)} ${s.accepts ?? '-'}`), [
    'StatusCodes.Status409Conflict number',
    '423 number',
    'HttpStatusCode.Conflict -',
    '404 number',
    '418 number',
    '401 number',
    'HttpStatusCode.Accepted constant',
    '503 number',
  ]);
  // An int place takes the number when the vocabulary lacks the code; the cast keeps its enum when it has one.
  assert.match(apply(text, response(model, text, 'StatusCode(StatusCodes').edits.setStatus!(499)), /return StatusCode\(499, new/);
  assert.match(apply(text, response(model, text, 'StatusCode((int)').edits.setStatus!(404)), /StatusCode\(\(int\)HttpStatusCode\.NotFound\)/);
  assert.equal(response(model, text, 'response.StatusCode = HttpStatusCode').edits.setStatus!(499), undefined, 'HttpStatusCode has no 499 and the property takes no int');
});

test('headers: every spelling of the response counts; headers set out of sight make them unknown', async () => {
  const text = `public class C : ControllerBase {
    public IActionResult A() { HttpContext.Response.Headers.Append(HeaderNames.RetryAfter, "5"); return StatusCode(429); }
    public IActionResult B() { Limits.Apply(Response, 5); return StatusCode(429); }
    public IActionResult D() { Response.GetTypedHeaders().Location = new Uri("/x/1", UriKind.Relative); return StatusCode(201, x); }
    public IActionResult E() { if (a) { Limits.Apply(Response, 5); return Ok(); } return StatusCode(429); }
    public ActionResult<ProblemDetails> F() { return new ProblemDetails { Status = 404 }; }
    public IActionResult G() { return Limits.Wrap(Response, () => { return StatusCode(423); }); }
    public IActionResult H() { if (a) { if (b) { Limits.Apply(Response, 5); } return StatusCode(409); } return Ok(); }
}
public class Mw {
    public async Task InvokeAsync(HttpContext context) {
        if (a) { await _challenge.WriteAsync(context); context.Response.StatusCode = 401; return; }
        var response = context.Response;
        if (b) { response.Headers.Allow = "GET"; context.Response.StatusCode = 405; return; }
        if (c) { context.Response.StatusCode = 451; await _legal.WriteAsync(context); return; }
        await _next(context);
    }
}
public class Mw2 {
    public async Task InvokeAsync(HttpContext context) {
        if (a) { context.Response.StatusCode = 429; return; }
        await _next(context);
    }
}
public class Mw3 {
    public Task InvokeAsync(HttpContext context) {
        foreach (var (name, value) in limits) { context.Response.Headers[name] = value; }
        context.Response.StatusCode = 503;
        return Task.CompletedTask;
    }
}
public class Fake : DelegatingHandler {
    HttpResponseMessage M() { var response = new HttpResponseMessage(); response.StatusCode = HttpStatusCode.Unauthorized; response.Headers.WwwAuthenticate.Add(new AuthenticationHeaderValue("Bearer")); response.Content.Headers.Allow.Add("GET"); return response; }
}
public class ThrottleFilter : IExceptionFilter {
    public void OnException(ExceptionContext context) { context.Result = new ObjectResult(null) { StatusCode = 429 }; }
}
public class RetryFilter : IExceptionFilter {
    public void OnException(ExceptionContext context) { context.HttpContext.Response.Headers.RetryAfter = "5"; context.Result = new ObjectResult(e) { StatusCode = 429 }; }
}
public class LimitFilter : IActionFilter {
    public void OnActionExecuting(ActionExecutingContext context) { _limits.Apply(context); context.Result = new ObjectResult(l) { StatusCode = 429 }; }
}
app.MapGet("/x", () => Results.StatusCode(429));`;
  const { model } = await analyze(text, 'csharp');
  const at = (prefix: string, n = 0) => model.responses.filter((r) => text.slice(r.span.start, r.span.end).startsWith(prefix))[n];
  const facts = (r: ResponseFacts | undefined) => `${r?.headers.map((h) => h.name).join(',')}${r?.headersUnknown ? ' +unknown' : ''}`;
  assert.equal(facts(at('StatusCode(429)', 0)), 'retry-after', 'HttpContext.Response is the controller\'s Response');
  assert.equal(facts(at('StatusCode(429)', 1)), ' +unknown', 'the response handed to a helper');
  assert.equal(facts(at('StatusCode(201')), 'location', 'typed headers');
  assert.equal(facts(at('StatusCode(429)', 2)), '', 'a helper on another path does not count');
  assert.equal(facts(at('StatusCode(423)')), '', 'a call around the response is not made before it');
  assert.equal(facts(at('StatusCode(409)')), '', 'a helper in a block that closed before the response');
  assert.equal(facts(at('context.Response.StatusCode = 451')), ' +unknown', 'the context handed to a writer after the status, in the same block');
  assert.equal(model.responses.filter((r) => r.implicitStatus === 200 && r.body?.errorShape).length, 0, 'an action\'s ProblemDetails carries its own status');
  assert.equal(facts(at('context.Response.StatusCode = 401')), ' +unknown', 'the context handed to a writer first');
  assert.equal(facts(at('context.Response.StatusCode = 405')), ' +unknown', 'headers through an alias');
  assert.equal(facts(at('context.Response.StatusCode = 429')), '', 'the next middleware runs on another path');
  assert.equal(facts(at('context.Response.StatusCode = 503')), ' +unknown', 'headers whose names are variables');
  assert.equal(facts(at('response.StatusCode = HttpStatusCode')), 'www-authenticate,allow', 'HttpResponseMessage headers, the content headers too');
  assert.equal(facts(at('new ObjectResult(null)')), '', 'a filter answers on its context\'s HttpContext.Response, which no code here writes');
  assert.equal(facts(at('new ObjectResult(e)')), 'retry-after', 'a header written on the filter context\'s response');
  assert.equal(facts(at('new ObjectResult(l)')), ' +unknown', 'the filter context handed to a helper first');
  assert.equal(facts(at('Results.StatusCode(429)')), '', 'a handler without HttpContext cannot set headers');
});

test('domain objects: a DTO held in a variable named response, a result type of the app, small codes beside StatusCode', async () => {
  const text = `public class S {
    public ApiResponse<Order> Place(HttpContext context) {
        var response = new ApiResponse<Order>();
        response.StatusCode = 401;
        if (order.StatusCode == 4) { return new OperationResult { StatusCode = 429 }; }
        context.Response.StatusCode = 503;
        return response;
    }
}`;
  const { model } = await analyze(text, 'csharp');
  assert.deepEqual(sites(model, text), ['503 503 number response']);
});

test('branches and bodies: another object\'s Body, configuration checks, details behind IsDevelopment()', async () => {
  const text = `public class QController : ControllerBase {
    public IActionResult Q(string symbol) {
        if (string.IsNullOrEmpty(symbol)) { return BadRequest(); }
        if (string.IsNullOrEmpty(_options.Region)) { return StatusCode(500); }
        if (upstream.Body == null) { return StatusCode(502); }
        try { return Ok(Load()); }
        catch (Exception ex) { return Problem(detail: _env.IsDevelopment() ? ex.ToString() : null, statusCode: 500); }
    }
}`;
  const { model } = await analyze(text, 'csharp');
  assert.deepEqual(model.responses.map((r) => r.branch?.kind ?? '-'), ['input-check', 'other', 'not-found', '-', 'catch']);
  assert.equal(response(model, text, 'Problem(').body?.leak, undefined);
});

test('constants are code only: not in comments or strings; bare names only with using static', async () => {
  const text = `using static Microsoft.AspNetCore.Http.StatusCodes;
// StatusCodes.Status404NotFound
class C : ControllerBase {
    IActionResult A() { Log("StatusCodes.Status418ImATeapot"); return StatusCode(Status409Conflict); }
    IActionResult B() => StatusCode(System.Net.HttpStatusCode.Gone == x ? 410 : StatusCodes.Status503ServiceUnavailable);
}`;
  const { model } = await analyze(text, 'csharp');
  assert.deepEqual(sites(model, text), ['Status409Conflict 409 constant response', 'System.Net.HttpStatusCode.Gone 410 constant reference', '410 410 number response', 'StatusCodes.Status503ServiceUnavailable 503 constant response']);
  const { model: plain } = await analyze(text.replace('using static Microsoft.AspNetCore.Http.StatusCodes;', ''), 'csharp');
  assert.equal(plain.sites.some((s) => s.name === 'Status409Conflict'), false);
});

test('assertions and comparisons in tests', async () => {
  const text = `public class T {
    [Fact] public async Task F() {
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(409, (int)response.StatusCode);
        response.StatusCode.Should().Be(HttpStatusCode.Conflict);
        response.Should().HaveStatusCode(HttpStatusCode.OK);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        if ((int)response.StatusCode == 429) { }
        switch ((int)response.StatusCode) { case 503: break; }
        Assert.Equal(3, items.Count);
        response.EnsureSuccessStatusCode();
    }
}`;
  const { model } = await analyze(text, 'csharp');
  assert.deepEqual(sites(model, text), [
    'HttpStatusCode.Created 201 constant assertion',
    '409 409 number assertion',
    'HttpStatusCode.Conflict 409 constant assertion',
    'HttpStatusCode.OK 200 constant assertion',
    'HttpStatusCode.NoContent 204 constant assertion',
    '429 429 number comparison',
    '503 503 number comparison',
  ]);
  assert.equal(model.responses.length, 0);
});

test('slotAt: half-typed status code places, with the handler method and branch', async () => {
  const cases: [string, { accepts: string; role: string; method?: string; branch?: string; token?: string } | undefined][] = [
    ['class C : ControllerBase { [HttpPost] public IActionResult F() { return StatusCode(|', { accepts: 'number', role: 'response', method: 'POST' }],
    ['class C : ControllerBase { [HttpPut("{id}")] public IActionResult F() { try { } catch (Exception ex) { return StatusCode(StatusCodes.Sta|', { accepts: 'any', role: 'response', method: 'PUT', branch: 'catch', token: 'StatusCodes.Sta' }],
    ['app.MapDelete("/x/{id}", (int id) => Results.StatusCode(|', { accepts: 'number', role: 'response', method: 'DELETE' }],
    ['app.MapPost("/x", () => Results.Json(new { a = 1 }, statusCode: 4|', { accepts: 'number', role: 'response', method: 'POST', token: '4' }],
    ['class M { async Task Invoke(HttpContext context) { context.Response.StatusCode = |', { accepts: 'number', role: 'response' }],
    ['class C : ControllerBase { IActionResult F() => new ObjectResult(x) { StatusCode = |', { accepts: 'number', role: 'response' }],
    ['class C { [ProducesResponseType(|', { accepts: 'number', role: 'declaration' }],
    ['class C { [ProducesResponseType(typeof(Item), |', { accepts: 'number', role: 'declaration' }],
    ['class T { void F() { response.StatusCode.Should().Be(|', { accepts: 'any', role: 'assertion' }],
    ['class C { void F() { Task.Delay(|', undefined],
    ['class C : ControllerBase { void F() { // return StatusCode(|\n } }', undefined],
    ['class C : ControllerBase { /* StatusCode(| */ }', undefined],
    ['class C { void F() { var b = new byte[|', undefined],
    ['class C { void F() { var s = "StatusCode(|', undefined],
    ['class C { void F() { order.Status = |', undefined],
  ];
  for (const [source, expected] of cases) {
    const offset = source.indexOf('|');
    const text = source.slice(0, offset) + source.slice(offset + 1);
    const tree = await parse(text);
    try {
      const slot = csharpAdapter.slotAt!({ uri: 'file:///a.cs', languageId: 'csharp', text, tree }, offset);
      if (!expected) {
        assert.equal(slot, undefined, `no slot expected in: ${source}`);
        continue;
      }
      assert.ok(slot, `a slot expected in: ${source}`);
      assert.equal(slot.accepts, expected.accepts, source);
      assert.equal(slot.role, expected.role, source);
      assert.equal(slot.method, expected.method, source);
      assert.equal(slot.branch, expected.branch, source);
      assert.equal(text.slice(slot.span.start, slot.span.end), expected.token ?? '', source);
    } finally {
      tree.delete();
    }
  }
});

test('importEdit: a using after the last one, none when already usable', async () => {
  const input = async (text: string) => ({ uri: 'file:///a.cs', languageId: 'csharp', text, tree: await parse(text) });
  const text = 'using System;\nusing Microsoft.AspNetCore.Mvc;\n\nnamespace A;\n\nclass C {}\n';
  assert.equal(apply(text, [csharpAdapter.importEdit!(await input(text), 'aspnet')!]), 'using System;\nusing Microsoft.AspNetCore.Mvc;\nusing Microsoft.AspNetCore.Http;\n\nnamespace A;\n\nclass C {}\n');
  assert.equal(apply(text, [csharpAdapter.importEdit!(await input(text), 'dotnet')!]), 'using System;\nusing Microsoft.AspNetCore.Mvc;\nusing System.Net;\n\nnamespace A;\n\nclass C {}\n');
  const nested = 'namespace A\n{\n    using System;\n\n    class C {}\n}\n';
  assert.equal(apply(nested, [csharpAdapter.importEdit!(await input(nested), 'dotnet')!]), 'namespace A\n{\n    using System;\n    using System.Net;\n\n    class C {}\n}\n');
  assert.equal(csharpAdapter.importEdit!(await input('using System.Net;\nclass C {}'), 'dotnet'), undefined);
  assert.equal(csharpAdapter.importEdit!(await input('class C { int x = StatusCodes.Status200OK; }'), 'aspnet'), undefined);
  assert.equal(apply('class C {}', [csharpAdapter.importEdit!(await input('class C {}'), 'aspnet')!]), 'using Microsoft.AspNetCore.Http;\n\nclass C {}');
  assert.equal(csharpAdapter.importEdit!(await input(text), 'spring'), undefined);
});

test('broken and odd code never throws', async () => {
  for (const text of ['', 'class {', 'StatusCode(', '[ProducesResponseType(', 'app.MapGet("/x", () => Results.', '\u0000', 'class C : ControllerBase { IActionResult F() { return Conflict(; } }']) {
    const { model } = await analyze(text, 'csharp');
    assert.ok(Array.isArray(model.sites));
    for (let i = 0; i <= text.length; i++) csharpAdapter.slotAt!({ uri: 'file:///a.cs', languageId: 'csharp', text }, i);
  }
});
