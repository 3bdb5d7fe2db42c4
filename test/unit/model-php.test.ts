// The PHP adapter's model: sites (numbers, Response::HTTP_* constants, status lines, the codes
// Laravel's assertions and Symfony's exceptions imply), handlers and their methods, response
// facts, edits that leave valid PHP, completion slots on half-typed code, and import edits.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DocumentStore } from '../../server/src/documents';
import { phpAdapter } from '../../server/src/languages/php/adapter';
import type { AdapterInput } from '../../server/src/languages/adapter';
import type { DocumentModel, OffsetEdit, ResponseFacts } from '../../server/src/model';
import { applyEdits as apply, responseAround as responseAt } from '../helpers/modelEdits';

const store = new DocumentStore();
let n = 0;

async function parse(text: string): Promise<{ input: AdapterInput; model: DocumentModel; hasError: boolean }> {
  const entry = store.open(`file:///model/t${n++}.php`, 'php', 1, text);
  await store.ensureParsed(entry);
  const input: AdapterInput = { uri: entry.doc.uri, languageId: 'php', text, tree: entry.tree };
  return { input, model: phpAdapter.extract(input), hasError: !!entry.tree?.rootNode.hasError };
}

async function edited(text: string, edits: OffsetEdit[] | undefined): Promise<string> {
  const out = apply(text, edits);
  assert.equal((await parse(out)).hasError, false, `edited code should parse:\n${out}`);
  return out;
}

async function slot(source: string) {
  const offset = source.indexOf('|');
  const text = source.slice(0, offset) + source.slice(offset + 1);
  const { input } = await parse(text);
  return { slot: phpAdapter.slotAt!(input, offset), text };
}

const laravel = `<?php

namespace App\\Http\\Controllers;

use App\\Models\\Order;
use Illuminate\\Http\\Request;

class OrderController extends Controller
{
    public function index()
    {
        return response()->json(Order::paginate(15));
    }

    public function store(Request $request)
    {
        $validator = validator($request->all(), ['sku' => 'required']);
        if ($validator->fails()) {
            return response()->json(['errors' => $validator->errors()], 422);
        }
        try {
            $order = Order::create($validator->validated());
        } catch (\\Throwable $e) {
            return response()->json(['error' => $e->getMessage(), 'trace' => $e->getTraceAsString()], 500);
        }
        return response()->json($order, 201)->header('Location', route('orders.show', $order));
    }

    public function update(Request $request, int $id)
    {
        $order = Order::find($id);
        abort_if($order === null, 404);
        abort_unless($request->user()->can('update', $order), 403, 'Not yours');
        return response()->json(['error' => 'locked']);
    }

    public function destroy(int $id)
    {
        Order::destroy($id);
        return response()->json(null, 204);
    }

    public function moved()
    {
        return redirect()->route('orders.index');
    }
}
`;

test('Laravel: sites, resource actions by convention, routeMethods', async () => {
  const { model } = await parse(laravel);
  assert.deepEqual(model.sites.map((s) => [s.code, s.kind, s.role, s.form]), [
    [422, 'number', 'response', 'response()->json()'], [500, 'number', 'response', 'response()->json()'], [201, 'number', 'response', 'response()->json()'],
    [404, 'number', 'response', 'abort_if()'], [403, 'number', 'response', 'abort_unless()'], [204, 'number', 'response', 'response()->json()'],
  ]);
  assert.deepEqual(model.handlers.map((h) => [h.method, h.route]), [['GET', '/order'], ['POST', '/order'], ['PUT', '/order/{id}'], ['DELETE', '/order/{id}'], [undefined, '/order/moved']]);
  assert.deepEqual(model.handlers[2].routeMethods?.sort(), ['DELETE', 'PATCH', 'PUT']);
  assert.ok(model.handlers[1].calls.includes('create'));
  assert.deepEqual(model.vocabularies, []);
});

test('Laravel: bodies, headers, branches, implicit 200 and 302', async () => {
  const { model } = await parse(laravel);
  assert.equal(responseAt(model, laravel, '422)').branch?.kind, 'validation-error');
  const failed = responseAt(model, laravel, '500)');
  assert.deepEqual([failed.branch?.kind, failed.branch?.errorName], ['catch', '$e']);
  assert.ok(failed.body?.rawErrorMessage);
  assert.match(failed.body?.leak?.what ?? '', /getTraceAsString/);
  assert.deepEqual(responseAt(model, laravel, '201)').headers.map((h) => h.name), ['location']);
  assert.equal(responseAt(model, laravel, 'abort_if').branch?.kind, 'not-found');
  assert.equal(responseAt(model, laravel, 'abort_unless').branch?.kind, 'auth-check');
  const locked = responseAt(model, laravel, "['error' => 'locked']");
  assert.equal(locked.implicitStatus, 200);
  assert.match(locked.body?.errorShape?.reason ?? '', /"error"/);
  const list = responseAt(model, laravel, 'Order::paginate');
  assert.equal(list.implicitStatus, 200);
  assert.equal(list.body?.errorShape, undefined);
  const moved = responseAt(model, laravel, "route('orders.index')");
  assert.deepEqual([moved.implicitStatus, moved.helper], [302, 'redirect']);
  assert.equal(responseAt(model, laravel, 'null, 204').body, undefined, 'null is no body');
});

test('Laravel: edits in the framework\'s own way, valid PHP after each', async () => {
  const { model } = await parse(laravel);
  const r = (needle: string) => responseAt(model, laravel, needle);
  assert.match(await edited(laravel, r('201)').edits.setStatus?.(202)), /json\(\$order, 202\)->header/);
  assert.match(await edited(laravel, r("['error' => 'locked']").edits.setStatus?.(423)), /json\(\['error' => 'locked'\], 423\);/);
  assert.match(await edited(laravel, r('201)').edits.addHeader?.('X-Id', '7')), /->header\('Location', route\('orders\.show', \$order\)\)->header\('X-Id', '7'\);/);
  assert.match(await edited(laravel, r('abort_unless').edits.addHeader?.('X-Reason', 'owner')), /403, 'Not yours', \['X-Reason' => 'owner'\]\);/);
  assert.match(await edited(laravel, r('abort_if').edits.addHeader?.('X-A', 'b')), /abort_if\(\$order === null, 404, '', \['X-A' => 'b'\]\);/);
  assert.match(await edited(laravel, r('null, 204').edits.dropBody?.()), /return response\(\)->noContent\(204\);/);
  assert.match(await edited(laravel, r("route('orders.index')").edits.setStatus?.(303)), /route\('orders\.index', \[\], 303\)/);
  assert.match(
    await edited(laravel, r('500)').edits.redactBody?.('Internal Server Error')),
    /\{\n            report\(\$e\);\n            return response\(\)->json\(\['error' => 'Internal Server Error'\], 500\);/,
  );
  assert.deepEqual(model.frameworks, ['laravel']);
});

const symfony = `<?php

namespace App\\Controller;

use Symfony\\Component\\HttpFoundation\\JsonResponse;
use Symfony\\Component\\HttpFoundation\\Response;
use Symfony\\Component\\HttpKernel\\Exception\\UnauthorizedHttpException;

#[Route('/api/items')]
class ItemController extends AbstractController
{
    #[Route('', methods: ['POST'])]
    public function create(): JsonResponse
    {
        if (!$this->isGranted('ROLE_EDITOR')) {
            throw new UnauthorizedHttpException('Bearer realm="api"');
        }
        return $this->json($item, Response::HTTP_CREATED, ['Location' => '/api/items/1']);
    }

    #[Route('/{id}', methods: ['DELETE'])]
    public function delete(): Response
    {
        $response = new JsonResponse(['deleted' => true]);
        $response->headers->set('X-Deleted', '1');
        $response->setStatusCode(Response::HTTP_NO_CONTENT);
        return $response;
    }

    #[Route('/{id}', methods: ['GET'])]
    public function show(): JsonResponse
    {
        return new JsonResponse($item, 200);
    }
}
`;

test('Symfony: attribute routes with a class prefix, constants, exceptions, setStatusCode on a built response', async () => {
  const { model } = await parse(symfony);
  assert.deepEqual(model.sites.map((s) => [s.code, s.kind, s.name ?? '', symfony.slice(s.span.start, s.span.end)]), [
    [401, 'implicit', '', 'UnauthorizedHttpException'], [201, 'constant', 'HTTP_CREATED', 'Response::HTTP_CREATED'],
    [204, 'constant', 'HTTP_NO_CONTENT', 'Response::HTTP_NO_CONTENT'], [200, 'number', '', '200'],
  ]);
  assert.deepEqual(model.handlers.map((h) => [h.method, h.route]), [['POST', '/api/items'], ['DELETE', '/api/items/{id}'], ['GET', '/api/items/{id}']]);
  assert.deepEqual(model.handlers[1].routeMethods?.sort(), ['DELETE', 'GET']);
  assert.deepEqual(model.vocabularies, [{ vocabulary: 'symfony', form: 'Response::NAME', imported: true }]);
  const unauthorized = responseAt(model, symfony, 'UnauthorizedHttpException(');
  assert.deepEqual(unauthorized.headers.map((h) => h.name), ['www-authenticate']);
  assert.equal(unauthorized.branch?.kind, 'auth-check');
  assert.deepEqual(responseAt(model, symfony, 'HTTP_CREATED').headers.map((h) => h.name), ['location']);
  const deleted = responseAt(model, symfony, 'setStatusCode');
  assert.deepEqual(deleted.headers.map((h) => h.name), ['x-deleted']);
  assert.ok(deleted.body, 'the body comes from the JsonResponse the variable holds');
  assert.equal(model.responses.filter((r) => r.implicitStatus === 200).length, 0, 'new JsonResponse() whose status is set later is not a 200');
  assert.equal(deleted.noBody, undefined, 'a JsonResponse always has a body');
  assert.deepEqual(model.frameworks, ['symfony']);
});

test('Symfony: an empty Response has no body; headers from a variable are open-ended', async () => {
  const text = `<?php
function a() { $r = new Response(); $r->setStatusCode(204); return $r; }
function b() { return new JsonResponse(['error' => 'x'], 401, $this->challenge()); }
function c() { return response()->json($d, 429)->withHeaders($limits); }
function d() { return response()->noContent(); }
`;
  const { model } = await parse(text);
  assert.equal(responseAt(model, text, 'setStatusCode').noBody, true);
  assert.equal(responseAt(model, text, 'd, 429').headersUnknown, true);
  assert.equal(responseAt(model, text, '401').headersUnknown, true);
  assert.equal(responseAt(model, text, 'noContent').noBody, true);
});

test('Symfony: edits keep constants constants and add headers where Symfony takes them', async () => {
  const { model } = await parse(symfony);
  const r = (needle: string) => responseAt(model, symfony, needle);
  assert.match(await edited(symfony, r('HTTP_CREATED').edits.setStatus?.(202)), /\$this->json\(\$item, Response::HTTP_ACCEPTED, /);
  assert.match(await edited(symfony, r('HTTP_CREATED').edits.addHeader?.('X-A', 'b')), /\['Location' => '\/api\/items\/1', 'X-A' => 'b'\]\);/);
  assert.match(await edited(symfony, r('new JsonResponse($item, 200)').edits.addHeader?.('Cache-Control', 'no-store')), /new JsonResponse\(\$item, 200, \['Cache-Control' => 'no-store'\]\);/);
  assert.match(await edited(symfony, r('new JsonResponse($item, 200)').edits.dropBody?.()), /new JsonResponse\(null, 200\);/);
  assert.match(
    await edited(symfony, r('setStatusCode').edits.addHeader?.('Retry-After', '5')),
    /setStatusCode\(Response::HTTP_NO_CONTENT\);\n        \$response->headers->set\('Retry-After', '5'\);/,
  );
});

const plain = `<?php
$limit = min((int) ($_GET['limit'] ?? 50), 500);
if ($_SERVER['REQUEST_METHOD'] !== 'POST') {
    header('Allow: POST');
    http_response_code(405);
    exit;
}
if (!isset($data['name'])) {
    header("HTTP/1.1 422 Unprocessable Entity");
    echo json_encode(['error' => 'name is required']);
    exit;
}
http_response_code(201);
header('Location: /items/' . $id);
function gone() { header($_SERVER['SERVER_PROTOCOL'] . ' 410 Gone', true, 410); }
`;

test('plain PHP: http_response_code and the status line, header() statements in scope', async () => {
  const { model } = await parse(plain);
  assert.deepEqual(model.sites.map((s) => [s.code, s.kind, plain.slice(s.span.start, s.span.end)]), [[405, 'number', '405'], [422, 'string', '422'], [201, 'number', '201'], [410, 'string', '410'], [410, 'number', '410']]);
  assert.deepEqual(responseAt(model, plain, '405').headers.map((h) => h.name), ['allow']);
  const invalid = responseAt(model, plain, 'HTTP/1.1');
  assert.equal(invalid.branch?.kind, 'input-check');
  assert.match(invalid.body?.errorShape?.reason ?? '', /"error"/);
  assert.deepEqual(responseAt(model, plain, '201').headers.map((h) => h.name), ['location']);
  assert.match(await edited(plain, invalid.edits.setStatus?.(400)), /header\("HTTP\/1\.1 400 Unprocessable Entity"\);/);
  assert.match(await edited(plain, responseAt(model, plain, '405').edits.addHeader?.('Cache-Control', 'no-store')), /    header\('Cache-Control: no-store'\);\n    http_response_code\(405\);/);
});

test('routes and tests: closures, linked controller methods, Laravel and PHPUnit assertions', async () => {
  const text = `<?php
Route::post('/login', function () {
    return back();
});
Route::match(['put', 'patch'], '/me', fn () => response()->noContent());
Route::delete('/items/{id}', [ItemController::class, 'remove']);
class ItemController extends Controller {
    public function remove() { throw new NotFoundHttpException(); }
}
$response->assertCreated()->assertStatus(201);
$this->assertResponseStatusCodeSame(409);
self::assertSame(204, $client->getResponse()->getStatusCode());
$this->assertSame(3, count($items));
$response->assertNoContent();
`;
  const { model } = await parse(text);
  assert.deepEqual(model.handlers.map((h) => [h.method, h.route]), [['POST', '/login'], ['PUT', '/me'], ['DELETE', '/items/{id}']]);
  assert.deepEqual(model.handlers[1].routeMethods, ['PUT', 'PATCH']);
  assert.deepEqual(model.sites.map((s) => [s.code, s.kind, s.role]), [
    [204, 'implicit', 'response'], [404, 'implicit', 'response'], [201, 'implicit', 'assertion'], [201, 'number', 'assertion'],
    [409, 'number', 'assertion'], [204, 'number', 'assertion'], [204, 'implicit', 'assertion'],
  ]);
  assert.equal(text.slice(model.sites[2].span.start, model.sites[2].span.end), 'assertCreated');
  const back = responseAt(model, text, 'back()');
  assert.deepEqual([back.implicitStatus, back.helper, model.handlers[back.handler!].method], [302, 'redirect', 'POST']);
});

test('numbers that are not statuses are not sites', async () => {
  const text = `<?php
sleep(5);
$x = $items[404];
for ($i = 0; $i < 200; $i++) {}
$pad = str_repeat('x', 500);
$cfg = ['port' => 8000, 'status' => 409];
$page = Post::paginate(15);
$rows = $query->limit(500)->get();
Cache::put($k, $v, 3600);
echo "HTTP 404 {$x}"; // abort(500)
# http_response_code(500)
/* abort(403) */
$code = 409;
`;
  const { model } = await parse(text);
  assert.deepEqual(model.sites, []);
  assert.equal(model.comments.length, 3);
});

test('slotAt: half-typed Laravel, Symfony and test calls', async () => {
  const inStore = (line: string) => `<?php\nclass PostController extends Controller {\n    public function store() {\n        try { save(); } catch (\\Exception $e) {\n            ${line}\n        }\n    }\n}\n`;
  let s = await slot(inStore('abort(|'));
  assert.deepEqual([s.slot?.role, s.slot?.form, s.slot?.accepts, s.slot?.method, s.slot?.branch], ['response', 'abort()', 'any', 'POST', 'catch']);
  s = await slot(inStore('return response()->json([\'error\' => $e->getMessage()], 5|'));
  assert.deepEqual([s.slot?.form, s.text.slice(s.slot!.span.start, s.slot!.span.end)], ['response()->json()', '5']);
  s = await slot('<?php\nreturn new JsonResponse($data, Response::HTTP_C|');
  assert.equal(s.text.slice(s.slot!.span.start, s.slot!.span.end), 'Response::HTTP_C');
  s = await slot("<?php\n#[Route('/x', methods: ['DELETE'])]\npublic function drop() { return $this->json(null, status: |); }");
  assert.equal(s.slot?.form, '$this->json()');
  // FOSRestBundle's views take the status second, the redirect-to-route views third.
  assert.equal((await slot('<?php\nreturn $this->view($order, |')).slot?.form, '$this->view()');
  assert.equal((await slot('<?php\nreturn View::create($order, Response::HTTP_|')).slot?.form, 'View::create()');
  assert.equal((await slot("<?php\nreturn $this->routeRedirectView('order_show', ['id' => 1], |")).slot?.form, '$this->routeRedirectView()');
  assert.equal((await slot('<?php\nreturn $this->view(|')).slot, undefined);
  assert.equal((await slot('<?php\n$response->assertStatus(|')).slot?.role, 'assertion');
  assert.equal((await slot('<?php\nabort_if($user === null, |')).slot?.form, 'abort_if()');
  assert.equal((await slot('<?php\nhttp_response_code(|')).slot?.role, 'response');
  assert.equal((await slot('<?php\nif ($response->getStatusCode() === |')).slot?.role, 'comparison');
  for (const none of ["<?php\nstr_repeat('x', |", '<?php\n$items[|', "<?php\n$s = 'abort(|", '<?php\n// abort(|', '<?php\nabort_if(|', '<?php\nsleep(|', '<?php\nresponse()->json(|']) {
    assert.equal((await slot(none)).slot, undefined, `no slot in: ${none}`);
  }
});

test('importEdit: use Response after the last use, or after the namespace; never twice', async () => {
  const withUses = `<?php\n\nnamespace App\\Http;\n\nuse App\\Models\\Order;\nuse Illuminate\\Http\\Request;\n\nclass A {}\n`;
  let { input } = await parse(withUses);
  assert.match(apply(withUses, [phpAdapter.importEdit!(input, 'symfony')!]), /use Illuminate\\Http\\Request;\nuse Symfony\\Component\\HttpFoundation\\Response;\n\nclass A/);
  const nsOnly = `<?php\nnamespace App;\n\nfunction f() {}\n`;
  ({ input } = await parse(nsOnly));
  assert.match(apply(nsOnly, [phpAdapter.importEdit!(input, 'symfony')!]), /namespace App;\n\nuse Symfony\\Component\\HttpFoundation\\Response;\n\nfunction/);
  const bare = `<?php\nhttp_response_code(200);\n`;
  ({ input } = await parse(bare));
  assert.equal(await edited(bare, [phpAdapter.importEdit!(input, 'symfony')!]), `<?php\n\nuse Symfony\\Component\\HttpFoundation\\Response;\nhttp_response_code(200);\n`);
  for (const has of ['<?php\nuse Illuminate\\Http\\Response;\n', '<?php\nuse Symfony\\Component\\HttpFoundation\\Response as SymfonyResponse;\n', '<?php\nuse Psr\\Http\\Message\\ResponseInterface as Response;\n']) {
    ({ input } = await parse(has));
    assert.equal(phpAdapter.importEdit!(input, 'symfony'), undefined, has);
  }
  ({ input } = await parse(bare));
  assert.equal(phpAdapter.importEdit!(input, 'rack'), undefined);
});

test('broken code never throws', async () => {
  for (const broken of ['<?php abort(', '<?php response()->json([', '<?php new JsonResponse($d, Response::', '<?php class A { #[Route(', '<?php header("HTTP/1.1 ', '<?php function (', '<html><?php if (']) {
    const { input } = await parse(broken);
    assert.doesNotThrow(() => phpAdapter.extract(input));
    assert.doesNotThrow(() => phpAdapter.slotAt!(input, broken.length));
  }
});
