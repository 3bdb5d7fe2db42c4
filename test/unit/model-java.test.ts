// The Java adapter's model: which numbers and constants are statuses (and in what role), the
// handlers with their methods and routes, the facts of each response, edits that leave valid
// Java, the completion slot on half-typed calls, and the import a vocabulary needs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../helpers/analyze';
import { javaAdapter } from '../../server/src/languages/java/adapter';
import { loadLanguage, parserFor, type Tree } from '../../server/src/parsing/treeSitter';
import type { DocumentModel, OffsetEdit, ResponseFacts } from '../../server/src/model';
import { statusEdit } from '../../server/src/languages/edits';
import { applyEdits as apply } from '../helpers/modelEdits';

async function parse(text: string): Promise<Tree> {
  return parserFor('java', await loadLanguage('java')).parse(text)!;
}

async function assertValid(text: string): Promise<void> {
  const tree = await parse(text);
  try {
    assert.equal(tree.rootNode.hasError, false, `edited code does not parse:\n${text}`);
  } finally {
    tree.delete();
  }
}

/** The response whose span starts with `prefix` (its text). */
function response(model: DocumentModel, text: string, prefix: string): ResponseFacts {
  const r = model.responses.find((x) => text.slice(x.span.start, x.span.end).startsWith(prefix));
  assert.ok(r, `no response starting with ${prefix}; have: ${model.responses.map((x) => text.slice(x.span.start, x.span.end)).join(' | ')}`);
  return r;
}

function sites(model: DocumentModel, text: string): string[] {
  return model.sites.map((s) => `${text.slice(s.span.start, s.span.end)} ${s.code} ${s.kind} ${s.role}`);
}

const controller = `package x;

import org.springframework.http.*;
import org.springframework.web.bind.annotation.*;

@RestController
@RequestMapping("/api/users")
class UserController {
    @GetMapping("/{id}")
    ResponseEntity<User> get(@PathVariable long id) {
        User user = repo.find(id);
        if (user == null) {
            return ResponseEntity.status(404).build();
        }
        return ResponseEntity.ok(user);
    }

    @PostMapping
    ResponseEntity<?> create(@RequestBody User body) {
        try {
            User saved = repo.save(body);
            HttpHeaders headers = new HttpHeaders();
            headers.setLocation(URI.create("/api/users/" + saved.id()));
            return new ResponseEntity<>(saved, headers, HttpStatus.CREATED);
        } catch (DuplicateException e) {
            return ResponseEntity.status(HttpStatus.CONFLICT).body(Map.of("error", e.getMessage()));
        }
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable long id) { repo.delete(id); }

    @GetMapping("/search")
    Map<String, Object> search(@RequestParam String q) {
        if (q.isBlank()) {
            return Map.of("error", "empty query");
        }
        return Map.of("items", repo.search(q));
    }

    @ExceptionHandler(IllegalStateException.class)
    ResponseEntity<String> onState(IllegalStateException ex) {
        return ResponseEntity.internalServerError().body(ExceptionUtils.getStackTrace(ex));
    }
}
`;

test('sites: numbers in status calls, constants anywhere, factories as implicit sites', async () => {
  const { model } = await analyze(controller, 'java', 'file:///m/UserController.java');
  assert.deepEqual(sites(model, controller), [
    '404 404 number response',
    'ok 200 implicit response',
    'HttpStatus.CREATED 201 constant response',
    'HttpStatus.CONFLICT 409 constant response',
    'HttpStatus.NO_CONTENT 204 constant response',
    'internalServerError 500 implicit response',
  ]);
  const conflict = model.sites[3];
  assert.equal(conflict.vocabulary, 'spring');
  assert.equal(conflict.name, 'CONFLICT');
  assert.equal(conflict.form, 'ResponseEntity.status()');
});

test('handlers: methods and routes from the mapping annotations and the class prefix', async () => {
  const { model } = await analyze(controller, 'java', 'file:///m/UserController.java');
  const summary = model.handlers.map((h) => `${h.method ?? '-'} ${h.route ?? '-'} [${(h.routeMethods ?? []).join(',')}]`);
  assert.deepEqual(summary, ['GET /api/users/{id} [GET,DELETE]', 'POST /api/users [POST]', 'DELETE /api/users/{id} [GET,DELETE]', 'GET /api/users/search [GET]', '- - []']);
  assert.ok(model.handlers[1].calls.includes('save'));
  const { model: m2 } = await analyze('class R { @RequestMapping(value = "/x", method = RequestMethod.PUT) void f() {} @POST @Path("/y") Response g() { return null; } }', 'java');
  assert.deepEqual(m2.handlers.map((h) => h.method), ['PUT', 'POST']);
});

test('response facts: body shape, caught message, headers, branches, helpers', async () => {
  const { model } = await analyze(controller, 'java', 'file:///m/UserController.java');
  const notFound = response(model, controller, 'ResponseEntity.status(404)');
  assert.equal(notFound.branch?.kind, 'not-found');
  assert.equal(notFound.body, undefined);
  assert.equal(model.handlers[notFound.handler!].method, 'GET');

  const created = response(model, controller, 'new ResponseEntity<>(saved');
  assert.deepEqual(created.headers.map((h) => h.name), ['location']);
  assert.equal(created.body?.errorShape, undefined);

  const conflict = response(model, controller, 'ResponseEntity.status(HttpStatus.CONFLICT)');
  assert.equal(conflict.branch?.kind, 'catch');
  assert.equal(conflict.branch?.errorName, 'e');
  assert.match(conflict.body?.errorShape?.reason ?? '', /"error" key/);
  assert.equal(controller.slice(conflict.body!.rawErrorMessage!.start, conflict.body!.rawErrorMessage!.end), 'e.getMessage()');

  // @ExceptionHandler answers for a caught exception: its parameter is the caught error.
  const leak = response(model, controller, 'ResponseEntity.internalServerError()');
  assert.equal(leak.branch?.kind, 'catch');
  assert.equal(leak.branch?.errorName, 'ex');
  assert.match(leak.body?.leak?.what ?? '', /stack trace/);

  // A @RestController method returning a map answers 200: the error body goes out as a success.
  const plain = model.responses.filter((r) => r.implicitStatus === 200);
  assert.equal(plain.length, 2);
  assert.match(plain[0].body?.errorShape?.reason ?? '', /"error" key/);
  assert.equal(plain[0].branch?.kind, 'input-check');
  assert.equal(plain[1].body?.errorShape, undefined);
});

test('created(uri) is a helper that sets Location; header calls in the chain count', async () => {
  const text = `class C {
    @PostMapping("/orders") ResponseEntity<Order> create(Order o) {
        return ResponseEntity.created(URI.create("/orders/1")).header(HttpHeaders.CACHE_CONTROL, "no-store").body(o);
    }
    @GetMapping("/slow") ResponseEntity<Void> slow() {
        return ResponseEntity.status(503).headers(h -> h.set("Retry-After", "30")).build();
    }
}`;
  const { model } = await analyze(text, 'java');
  const created = response(model, text, 'ResponseEntity.created');
  assert.equal(created.helper, 'created');
  assert.deepEqual(created.headers.map((h) => h.name).sort(), ['cache-control', 'location']);
  assert.deepEqual(response(model, text, 'ResponseEntity.status(503)').headers.map((h) => h.name), ['retry-after']);
});

test('edits: change the status, add a header, drop the body, all in valid Java', async () => {
  const { model } = await analyze(controller, 'java', 'file:///m/UserController.java');
  const notFound = response(model, controller, 'ResponseEntity.status(404)');
  const conflict = response(model, controller, 'ResponseEntity.status(HttpStatus.CONFLICT)');
  const ok = response(model, controller, 'ResponseEntity.ok(user)');
  const created = response(model, controller, 'new ResponseEntity<>(saved');

  const cases: [string, OffsetEdit[] | undefined, RegExp][] = [
    ['number status', notFound.edits.setStatus!(410), /return ResponseEntity\.status\(410\)\.build\(\);/],
    ['constant status stays a constant', conflict.edits.setStatus!(422), /ResponseEntity\.status\(HttpStatus\.UNPROCESSABLE_ENTITY\)\.body/],
    ['factory becomes status().body()', ok.edits.setStatus!(202), /return ResponseEntity\.status\(202\)\.body\(user\);/],
    ['header after the status call', notFound.edits.addHeader!('Cache-Control', 'no-store'), /ResponseEntity\.status\(404\)\.header\("Cache-Control", "no-store"\)\.build\(\)/],
    ['header on a finished ok(x)', ok.edits.addHeader!('ETag', '"v1"'), /ResponseEntity\.ok\(\)\.header\("ETag", "\\"v1\\""\)\.body\(user\)/],
    ['body() becomes build()', conflict.edits.dropBody!(), /ResponseEntity\.status\(HttpStatus\.CONFLICT\)\.build\(\);/],
    ['ok(x) loses its body', ok.edits.dropBody!(), /return ResponseEntity\.ok\(\)\.build\(\);/],
    ['constructor loses its body', created.edits.dropBody!(), /new ResponseEntity<>\(headers, HttpStatus\.CREATED\)/],
    ['replace a body', conflict.edits.replaceBody!('Map.of("message", "duplicate")'), /\.body\(Map\.of\("message", "duplicate"\)\)/],
  ];
  for (const [what, edits, expected] of cases) {
    const out = apply(controller, edits);
    assert.match(out, expected, what);
    await assertValid(out);
  }
});

test('JAX-RS edits: entity() is dropped, factories become status()', async () => {
  const text = `@Path("/books") class B {
    @GET Response get() {
        return Response.status(Response.Status.NOT_FOUND).entity(new ErrorBody("missing")).build();
    }
    @POST Response add(Book b) {
        return Response.ok(b).build();
    }
}`;
  const { model } = await analyze(text, 'java');
  const nf = response(model, text, 'Response.status(');
  assert.match(nf.body?.errorShape?.reason ?? '', /ErrorBody/);
  let out = apply(text, nf.edits.dropBody!());
  assert.match(out, /return Response\.status\(Response\.Status\.NOT_FOUND\)\.build\(\);/);
  await assertValid(out);
  out = apply(text, nf.edits.setStatus!(410));
  assert.match(out, /Response\.Status\.GONE/);
  const ok = response(model, text, 'Response.ok(b)');
  out = apply(text, ok.edits.setStatus!(201));
  assert.match(out, /return Response\.status\(201\)\.entity\(b\)\.build\(\);/);
  await assertValid(out);
  out = apply(text, ok.edits.addHeader!('Location', '/books/1'));
  assert.match(out, /Response\.ok\(b\)\.header\("Location", "\/books\/1"\)\.build\(\)/);
  await assertValid(out);
});

test('servlet responses: headers before the status, the body written after it, and edits', async () => {
  const text = `class S extends HttpServlet {
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        if (req.getHeader("Authorization") == null) {
            resp.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
            resp.getWriter().write("{\\"error\\": \\"login\\"}");
            return;
        }
        resp.setHeader("Cache-Control", "no-store");
        resp.setStatus(200);
    }
}`;
  const { model } = await analyze(text, 'java');
  assert.equal(model.handlers[0].method, 'GET');
  const unauthorized = response(model, text, 'resp.setStatus(HttpServletResponse');
  assert.equal(unauthorized.branch?.kind, 'auth-check');
  assert.match(unauthorized.body?.errorShape?.reason ?? '', /"error" key/);
  assert.deepEqual(unauthorized.headers, [], 'the Cache-Control header is set on another path');
  let out = apply(text, unauthorized.edits.addHeader!('WWW-Authenticate', 'Bearer'));
  assert.match(out, /resp\.setHeader\("WWW-Authenticate", "Bearer"\);\n {12}resp\.setStatus\(HttpServletResponse\.SC_UNAUTHORIZED\);/);
  await assertValid(out);
  out = apply(text, unauthorized.edits.dropBody!());
  assert.doesNotMatch(out, /getWriter/);
  await assertValid(out);
  out = apply(text, unauthorized.edits.setStatus!(403));
  assert.match(out, /HttpServletResponse\.SC_FORBIDDEN/);
  assert.deepEqual(response(model, text, 'resp.setStatus(200)').headers.map((h) => h.name), ['cache-control']);
});

test('assertions and comparisons in tests; statically imported constants', async () => {
  const text = `import static org.springframework.http.HttpStatus.*;
class T {
    void t() {
        mvc.perform(get("/x")).andExpect(status().isNotFound()).andExpect(status().is(404));
        assertEquals(CREATED, resp.getStatusCode());
        assertThat(resp.getStatusCodeValue()).isEqualTo(201);
        if (order.getStatus() == 2) {}
        if (conn.getResponseCode() == 503) {}
    }
}`;
  const { model } = await analyze(text, 'java');
  assert.deepEqual(sites(model, text), [
    'isNotFound 404 constant assertion',
    '404 404 number assertion',
    'CREATED 201 constant assertion',
    '201 201 number assertion',
    '503 503 number comparison',
  ]);
  // MockMvc's matcher names are never a value, so completions and fixes never write them.
  assert.deepEqual(model.vocabularies.map((v) => `${v.vocabulary} ${v.form}`), ['spring NAME']);
});

test('JAX-RS Status imported as a type; WebFlux builders and exchange responses', async () => {
  const text = `import static jakarta.ws.rs.core.Response.Status;
class H {
    Response r() { return Response.status(Status.CONFLICT).build(); }
    Mono<ServerResponse> create(ServerRequest req) {
        return ServerResponse.status(HttpStatus.CONFLICT).bodyValue(Map.of("error", "duplicate"));
    }
    Mono<Void> filter(ServerWebExchange exchange) {
        exchange.getResponse().getHeaders().add("WWW-Authenticate", "Bearer");
        exchange.getResponse().setStatusCode(HttpStatus.UNAUTHORIZED);
        return exchange.getResponse().setComplete();
    }
}`;
  const { model } = await analyze(text, 'java');
  assert.deepEqual(sites(model, text), ['Status.CONFLICT 409 constant response', 'HttpStatus.CONFLICT 409 constant response', 'HttpStatus.UNAUTHORIZED 401 constant response']);
  assert.equal(model.sites[0].vocabulary, 'jaxrs');
  const flux = response(model, text, 'ServerResponse.status');
  assert.match(flux.body?.errorShape?.reason ?? '', /"error" key/);
  const out = apply(text, flux.edits.dropBody!());
  assert.match(out, /ServerResponse\.status\(HttpStatus\.CONFLICT\)\.build\(\);/);
  await assertValid(out);
  assert.deepEqual(response(model, text, 'exchange.getResponse().setStatusCode').headers.map((h) => h.name), ['www-authenticate']);
});

test('accepts: enum-typed places take constants, int places numbers; edits never write what does not compile', async () => {
  const text = `class A {
    @ResponseStatus(HttpStatus.CREATED) Order create() { return null; }
    void a() { throw new ResponseStatusException(HttpStatus.CONFLICT, "taken"); }
    void b(Throwable t) { throw new ResponseStatusException(409, "taken", t); }
    Object c(Object x) { return new ResponseEntity<>(x, HttpStatus.ACCEPTED); }
    Object d(Object x, HttpHeaders h) { return new ResponseEntity<>(x, h, 202); }
    void e(HttpServletResponse response) { response.setStatus(HttpServletResponse.SC_CONFLICT); response.sendError(HttpStatus.GONE.value()); }
    void f(ServerWebExchange ex) { ex.getResponse().setStatusCode(HttpStatus.UNAUTHORIZED); }
    Object g() { return ResponseEntity.status(HttpStatus.valueOf(418)).build(); }
    void t() { mvc.perform(get("/")).andExpect(status().isNotFound()).andExpect(status().is(404)); }
    Object h() { return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, "taken"); }
    Object i() { return ResponseEntity.status(HttpStatus.CONFLICT).build(); }
}`;
  const { model } = await analyze(text, 'java');
  const accepts = model.sites.map((s) => `${text.slice(s.span.start, s.span.end)} ${s.accepts ?? '-'}`);
  assert.deepEqual(accepts, [
    'HttpStatus.CREATED constant',
    'HttpStatus.CONFLICT constant',
    '409 -',
    'HttpStatus.ACCEPTED constant',
    '202 -',
    'HttpServletResponse.SC_CONFLICT number',
    'HttpStatus.GONE constant',
    'HttpStatus.UNAUTHORIZED constant',
    '418 number',
    'isNotFound constant',
    '404 number',
    'HttpStatus.CONFLICT constant',
    'HttpStatus.CONFLICT -',
  ]);
  // Spring has no constant for 499: an enum place gets no edit, an int place and an overloaded one get the number.
  const created = response(model, text, '@ResponseStatus');
  assert.equal(created.edits.setStatus!(499), undefined);
  assert.match(apply(text, created.edits.setStatus!(202)), /@ResponseStatus\(HttpStatus\.ACCEPTED\)/);
  assert.equal(response(model, text, 'throw new ResponseStatusException(HttpStatus').edits.setStatus!(499), undefined);
  assert.match(apply(text, response(model, text, 'response.setStatus').edits.setStatus!(499)), /response\.setStatus\(499\)/);
  assert.match(apply(text, response(model, text, 'ResponseEntity.status(HttpStatus.CONFLICT)').edits.setStatus!(499)), /ResponseEntity\.status\(499\)/);
  assert.equal(statusEdit(model.sites[9], 499, text), undefined, 'a MockMvc matcher name is never replaced by a number');
});

test('headers out of sight: helpers, passed-in headers and escaping builders make them unknown; local ones stay known', async () => {
  const text = `class G {
    @GetMapping("/a") ResponseEntity<Void> a() { return ResponseEntity.status(429).headers(limits()).build(); }
    @GetMapping("/b") ResponseEntity<Void> b(HttpHeaders challengeHeaders) { return new ResponseEntity<>(challengeHeaders, HttpStatus.UNAUTHORIZED); }
    @GetMapping("/c") ResponseEntity<Void> c() {
        HttpHeaders responseHeaders = new HttpHeaders();
        responseHeaders.set(HttpHeaders.RETRY_AFTER, "5");
        return new ResponseEntity<>(responseHeaders, HttpStatus.TOO_MANY_REQUESTS);
    }
    @PostMapping("/d") ResponseEntity<Job> d() {
        ResponseEntity.BodyBuilder builder = ResponseEntity.status(HttpStatus.CREATED);
        builder.location(uri());
        return builder.body(job());
    }
    @GetMapping("/e") ResponseEntity<Job> e() { return withRetry(ResponseEntity.status(503)).body(job()); }
    void f(HttpServletRequest req, HttpServletResponse response) {
        if (req.getHeader("Authorization") == null) {
            challenges.write(response, "realm");
            response.setStatus(401);
            return;
        }
        audit.log(response);
    }
    void g(HttpServletResponse response) { response.setStatus(401); }
    void i(HttpServletResponse response) { limits.forEach(response::setHeader); response.setStatus(429); }
    void j(HttpServletResponse response) { limits.forEach((k, v) -> response.setHeader(k, v)); response.setStatus(503); }
    Mono<Void> h(ServerWebExchange exchange) {
        ServerHttpResponse r = exchange.getResponse();
        r.getHeaders().set("WWW-Authenticate", "Bearer");
        exchange.getResponse().setStatusCode(HttpStatus.UNAUTHORIZED);
        return exchange.getResponse().setComplete();
    }
}`;
  const { model } = await analyze(text, 'java');
  const unknown = (prefix: string) => response(model, text, prefix).headersUnknown ?? false;
  assert.equal(unknown('ResponseEntity.status(429)'), true, 'headers from a helper');
  assert.equal(unknown('new ResponseEntity<>(challengeHeaders'), true, 'headers passed in');
  assert.equal(unknown('new ResponseEntity<>(responseHeaders'), false, 'a fresh local HttpHeaders');
  assert.deepEqual(response(model, text, 'new ResponseEntity<>(responseHeaders').headers.map((h) => h.name), ['retry-after']);
  assert.equal(unknown('ResponseEntity.status(HttpStatus.CREATED)'), true, 'a builder kept in a variable');
  assert.equal(unknown('ResponseEntity.status(503)'), true, 'a builder handed to a helper');
  const servlet = model.responses.filter((r) => text.slice(r.span.start, r.span.end) === 'response.setStatus(401)');
  assert.deepEqual(servlet.map((r) => r.headersUnknown ?? false), [true, false], 'handed to a helper before the status; a call in another method does not count');
  assert.equal(unknown('exchange.getResponse().setStatusCode'), true, 'headers through an alias of the response');
  assert.equal(unknown('response.setStatus(429)'), true, 'a method reference to its setHeader');
  assert.equal(unknown('response.setStatus(503)'), true, 'headers whose names are variables');
});

test('no body where nothing is returned: Mono<Void> with @ResponseStatus; ProblemDetail handlers answer their own status', async () => {
  const text = `@RestControllerAdvice class A {
    @DeleteMapping("/{id}") @ResponseStatus(HttpStatus.NO_CONTENT) Mono<Void> delete(@PathVariable String id) { return repo.deleteById(id); }
    @ExceptionHandler(Conflict.class) ProblemDetail conflict(Conflict ex) { ProblemDetail p = ProblemDetail.forStatus(409); return p; }
}`;
  const { model } = await analyze(text, 'java');
  assert.equal(response(model, text, '@ResponseStatus').body, undefined);
  assert.deepEqual(model.responses.filter((r) => r.implicitStatus === 200), [], 'a ProblemDetail carries its own status');
});

test('domain objects: a DTO named like a response, a status getter beside small numbers, a builder\'s statusCode', async () => {
  const text = `class S {
    LoginResponse login(HttpServletResponse http) {
        LoginResponse response = new LoginResponse();
        response.setStatus(HttpStatus.UNAUTHORIZED.value());
        http.setStatus(401);
        if (order.getStatusCode() == 2 || shipment.statusCode() == 404) { }
        return Order.builder().statusCode(3).build();
    }
}`;
  const { model } = await analyze(text, 'java');
  assert.deepEqual(sites(model, text), ['HttpStatus.UNAUTHORIZED 401 constant reference', '401 401 number response', '404 404 number comparison']);
  assert.equal(model.responses.length, 1, 'HttpServletResponse http is a response, LoginResponse a DTO');
});

test('branches and bodies: another object\'s body, configuration checks, details behind a debug switch, redirect views', async () => {
  const text = `@RestController class Q {
    @GetMapping("/{s}") ResponseEntity<Quote> q(@PathVariable String s) {
        if (s.isBlank()) { return ResponseEntity.badRequest().build(); }
        if (apiKey.isBlank()) { return ResponseEntity.status(500).build(); }
        if (upstream.body() == null) { return ResponseEntity.status(502).build(); }
        return ResponseEntity.internalServerError().body(Map.of("trace", debug ? ExceptionUtils.getStackTrace(e) : ""));
    }
    @GetMapping("/old") @ResponseStatus(HttpStatus.MOVED_PERMANENTLY) String old() { return "redirect:/new"; }
}`;
  const { model } = await analyze(text, 'java');
  assert.deepEqual(model.responses.map((r) => r.branch?.kind ?? '-'), ['input-check', 'other', 'not-found', '-', '-']);
  assert.equal(response(model, text, 'ResponseEntity.internalServerError').body?.leak, undefined);
  const redirect = response(model, text, '@ResponseStatus');
  assert.equal(redirect.helper, 'redirect');
  assert.equal(redirect.body, undefined);
});

test('@ApiResponse(responseCode = "409") is a declaration; the same text in a comment or another string is not', async () => {
  const text = `class A {
    // @ApiResponse(responseCode = "404")
    @ApiResponse(responseCode = "409", description = "responseCode = \\"410\\"")
    @Operation(summary = "x") void f() { log("responseCode = \\"418\\""); }
}`;
  const { model } = await analyze(text, 'java');
  assert.deepEqual(sites(model, text), ['"409" 409 string declaration']);
});

test('vocabularies: what the code writes first, then imports in the order status slots take them', async () => {
  const imports = 'import jakarta.servlet.http.HttpServletResponse;\nimport org.springframework.http.HttpStatus;\nclass A {}';
  assert.deepEqual((await analyze(imports, 'java')).model.vocabularies.map((v) => v.form), ['HttpStatus.NAME', 'HttpServletResponse.NAME']);
  const servletCode = `${imports.replace('class A {}', '')}class A { void f(HttpServletResponse r) { r.setStatus(HttpServletResponse.SC_OK); } }`;
  assert.deepEqual((await analyze(servletCode, 'java')).model.vocabularies.map((v) => v.vocabulary), ['servlet', 'spring']);
  assert.deepEqual((await analyze('import jakarta.ws.rs.core.Response;\nclass A {}', 'java')).model.vocabularies.map((v) => v.form), ['Response.Status.NAME']);
});

test('slotAt: half-typed status calls, with the handler method and branch', async () => {
  const cases: [string, { accepts: string; role: string; method?: string; branch?: string; token?: string } | undefined][] = [
    ['class A { @PostMapping("/x") ResponseEntity<?> f() { return ResponseEntity.status(|', { accepts: 'any', role: 'response', method: 'POST' }],
    ['class A { @DeleteMapping ResponseEntity<?> f() { try { x(); } catch (Exception e) { return ResponseEntity.status(HttpStatus.CON|', { accepts: 'any', role: 'response', method: 'DELETE', branch: 'catch', token: 'HttpStatus.CON' }],
    ['class A { void f(HttpServletResponse response) { response.setStatus(4|', { accepts: 'number', role: 'response', token: '4' }],
    ['class A { Object f() { return new ResponseEntity<>(body, |', { accepts: 'constant', role: 'response' }],
    ['class A { Object f() { return new ResponseEntity<>(body, headers, |', { accepts: 'any', role: 'response' }],
    ['class A { @ResponseStatus(|', { accepts: 'constant', role: 'response' }],
    ['class A { @ResponseStatus(code = HttpStatus.|', { accepts: 'constant', role: 'response', token: 'HttpStatus.' }],
    ['class A { Object f() { return ProblemDetail.forStatusAndDetail(|', { accepts: 'constant', role: 'response' }],
    ['class A { Object f() { return ProblemDetail.forStatus(|', { accepts: 'any', role: 'response' }],
    ['class A { void t() { mvc.perform(get("/")).andExpect(status().is(|', { accepts: 'number', role: 'assertion' }],
    ['class A { void t() { given().get("/").then().statusCode(|', { accepts: 'number', role: 'assertion' }],
    ['class A { @ApiResponse(responseCode = "4|") void f() {} }', { accepts: 'string', role: 'declaration', token: '4' }],
    ['class A { @ApiResponse(responseCode = |) void f() {} }', undefined],
    ['class A { @GetMapping Object f() { if (x == null) { throw new ResponseStatusException(|', { accepts: 'constant', role: 'response', method: 'GET', branch: 'not-found' }],
    ['class A {\n  @PatchMapping("/{id}")\n  ResponseEntity<?> f() {\n    if (user == null) {\n      return ResponseEntity.status(|\n    }\n    return ResponseEntity.ok(user);\n  }\n}\n', { accepts: 'any', role: 'response', method: 'PATCH', branch: 'not-found' }],
    ['class A { void f() { Thread.sleep(|', undefined],
    ['class A { void f() { list.get(|', undefined],
    ['class A { void f() { // response.setStatus(|\n } }', undefined],
    ['class A { /* ResponseEntity.status(| */ }', undefined],
    ['class A { void f() { log("response.setStatus(|"); } }', undefined],
    ['class A { void f() { order.setStatus(|', undefined],
    ['class A { Object f() { return new ResponseEntity<>(|', undefined],
    ['class A { void f() { ResponseEntity.status(x).body("a, |', undefined],
  ];
  for (const [source, expected] of cases) {
    const offset = source.indexOf('|');
    const text = source.slice(0, offset) + source.slice(offset + 1);
    const tree = await parse(text);
    try {
      const slot = javaAdapter.slotAt!({ uri: 'file:///a.java', languageId: 'java', text, tree }, offset);
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

test('importEdit: after the last import, in the javax/jakarta family the file uses, once', async () => {
  const input = async (text: string) => ({ uri: 'file:///a.java', languageId: 'java', text, tree: await parse(text) });
  const withImports = 'package a;\n\nimport java.util.List;\nimport org.springframework.web.bind.annotation.*;\n\nclass A {}\n';
  const spring = javaAdapter.importEdit!(await input(withImports), 'spring');
  assert.equal(apply(withImports, spring ? [spring] : undefined), 'package a;\n\nimport java.util.List;\nimport org.springframework.web.bind.annotation.*;\nimport org.springframework.http.HttpStatus;\n\nclass A {}\n');
  assert.equal(javaAdapter.importEdit!(await input('import org.springframework.http.HttpStatus;\nclass A {}'), 'spring'), undefined);
  assert.equal(javaAdapter.importEdit!(await input('import org.springframework.http.*;\nclass A {}'), 'spring'), undefined);
  const javax = 'import javax.servlet.http.HttpServlet;\nclass A {}';
  assert.match(apply(javax, [javaAdapter.importEdit!(await input(javax), 'servlet')!]), /import javax\.servlet\.http\.HttpServletResponse;/);
  const pkgOnly = 'package a;\nclass A {}';
  assert.equal(apply(pkgOnly, [javaAdapter.importEdit!(await input(pkgOnly), 'jaxrs')!]), 'package a;\n\nimport jakarta.ws.rs.core.Response;\nclass A {}');
  assert.match(apply(pkgOnly, [javaAdapter.importEdit!(await input(pkgOnly), 'mockmvc')!]), /import static org\.springframework\.test\.web\.servlet\.result\.MockMvcResultMatchers\.status;/);
  assert.equal(javaAdapter.importEdit!(await input(pkgOnly), 'aspnet'), undefined);
});

test('broken and odd code never throws', async () => {
  for (const text of ['', 'class {', 'ResponseEntity.status(', '@ResponseStatus(', 'class A { void f() { response.setStatus(409', '\u0000\u0001', 'class A { Object f() { return new ResponseEntity<>(; } }']) {
    const { model } = await analyze(text, 'java');
    assert.ok(Array.isArray(model.sites));
    for (let i = 0; i <= text.length; i++) javaAdapter.slotAt!({ uri: 'file:///a.java', languageId: 'java', text }, i);
  }
});
