// The Python adapter's model: sites (codes, roles, kinds, vocabularies), handlers and their
// methods, response facts (bodies, headers, helpers, branches), edits that leave valid code,
// completion slots on half-typed code, and import edits. Parsed with the real grammar.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DocumentStore } from '../../server/src/documents';
import { pythonAdapter } from '../../server/src/languages/python/adapter';
import type { AdapterInput } from '../../server/src/languages/adapter';
import type { DocumentModel, OffsetEdit, ResponseFacts } from '../../server/src/model';
import { applyEdits as apply, responseAround as responseAt } from '../helpers/modelEdits';

const store = new DocumentStore();
let n = 0;

async function parse(text: string): Promise<{ input: AdapterInput; model: DocumentModel; hasError: boolean }> {
  const entry = store.open(`file:///model/t${n++}.py`, 'python', 1, text);
  await store.ensureParsed(entry);
  const input: AdapterInput = { uri: entry.doc.uri, languageId: 'python', text, tree: entry.tree };
  return { input, model: pythonAdapter.extract(input), hasError: !!entry.tree?.rootNode.hasError };
}

/** Applies the edits and checks the result still parses. */
async function edited(text: string, edits: OffsetEdit[] | undefined): Promise<string> {
  const out = apply(text, edits);
  assert.equal((await parse(out)).hasError, false, `edited code should parse:\n${out}`);
  return out;
}

const flask = `from flask import Flask, jsonify, abort, make_response

app = Flask(__name__)

@app.route('/items', methods=['GET', 'POST'])
def items():
    return jsonify(error='nope')

@app.post('/orders')
def create_order():
    try:
        order = save(request.get_json())
    except IntegrityError as exc:
        return jsonify(error=str(exc)), 409
    if not order:
        abort(404)
    return jsonify(id=order.id), 201

app.run(port=5000)
`;

test('Flask: sites, handlers, implicit 200 and tuple responses', async () => {
  const { model } = await parse(flask);
  assert.deepEqual(model.sites.map((s) => [s.code, s.role, s.kind]), [[409, 'response', 'number'], [404, 'response', 'number'], [201, 'response', 'number']]);
  assert.deepEqual(model.handlers.map((h) => [h.method, h.route, h.routeMethods]), [[undefined, '/items', ['GET', 'POST']], ['POST', '/orders', ['POST']]]);
  assert.ok(model.handlers[1].calls.includes('save'));
  const implicit = responseAt(model, flask, "jsonify(error='nope')");
  assert.equal(implicit.implicitStatus, 200);
  assert.match(implicit.body?.errorShape?.reason ?? '', /"error"/);
  assert.match(await edited(flask, implicit.edits.setStatus?.(400)), /return jsonify\(error='nope'\), 400\n/);
  const conflict = model.responses[model.sites[0].response!];
  assert.deepEqual([conflict.branch?.kind, conflict.branch?.errorName], ['catch', 'exc']);
  assert.ok(conflict.body?.rawErrorMessage, 'str(exc) is the raw message of the caught error');
  assert.equal(model.responses[model.sites[1].response!].branch?.kind, 'not-found');
  const created = model.responses[model.sites[2].response!];
  assert.match(await edited(flask, created.edits.addHeader?.('Location', '/orders/1')), /return jsonify\(id=order\.id\), 201, \{'Location': '\/orders\/1'\}/);
  assert.match(await edited(flask, created.edits.dropBody?.()), /return '', 201/);
  assert.match(await edited(flask, created.edits.setStatus?.(202)), /order\.id\), 202/);
});

const fastapi = `from fastapi import FastAPI, HTTPException, Response, status

app = FastAPI()

@app.post("/items", status_code=201)
async def create(item: Item, response: Response):
    """Creates an item."""
    return {"id": 1}

@app.get("/me")
async def me(token: str | None = None):
    if token is None:
        raise HTTPException(status_code=status.HTTP_401_UNAUTHORIZED, detail="sign in")
    if not token.valid:
        return {"error": "bad token"}
    return {"ok": True}
`;

test('FastAPI: decorator status, HTTPException headers, dict returns', async () => {
  const { model } = await parse(fastapi);
  assert.deepEqual(model.sites.map((s) => [s.code, s.kind, s.vocabulary, s.form]), [
    [201, 'number', undefined, '@app.post(status_code=)'],
    [401, 'constant', 'starlette', 'HTTPException(status_code=)'],
  ]);
  assert.deepEqual(model.vocabularies, [{ vocabulary: 'starlette', form: 'status.NAME', imported: true }]);
  const created = model.responses[model.sites[0].response!];
  assert.equal(created.headers.length, 0);
  assert.match(await edited(fastapi, created.edits.addHeader?.('Location', '/items/1')), /"""Creates an item\."""\n {4}response\.headers\["Location"\] = "\/items\/1"\n/);
  const unauthorized = model.responses[model.sites[1].response!];
  assert.match(await edited(fastapi, unauthorized.edits.addHeader?.('WWW-Authenticate', 'Bearer')), /detail="sign in", headers=\{"WWW-Authenticate": "Bearer"\}\)/);
  assert.match(await edited(fastapi, unauthorized.edits.setStatus?.(403)), /status_code=status\.HTTP_403_FORBIDDEN/);
  const bad = responseAt(model, fastapi, '{"error": "bad token"}');
  assert.equal(bad.implicitStatus, 200);
  const fixed = await edited(fastapi, bad.edits.setStatus?.(401));
  assert.match(fixed, /return JSONResponse\(\{"error": "bad token"\}, status_code=status\.HTTP_401_UNAUTHORIZED\)/);
  assert.match(fixed, /^from fastapi\.responses import JSONResponse$/m);
  // The plain returns of the 201 route take the decorator's status: no implicit 200 there.
  assert.equal(model.responses.filter((r) => r.implicitStatus === 200).length, 2);
});

const django = `from django.http import HttpResponseNotAllowed, HttpResponseNotFound, JsonResponse
from django.views import View
from django.views.decorators.http import require_POST

@require_POST
def create(request):
    response = JsonResponse({"id": 1}, status=201)
    return response

def detail(request, pk):
    try:
        thing = Thing.objects.get(pk=pk)
    except Thing.DoesNotExist:
        return HttpResponseNotFound("no such thing")
    return HttpResponseNotAllowed(["GET"])

class Things(View):
    def delete(self, request):
        return JsonResponse({"deleted": True}, status=200)
`;

test('Django: fixed-status classes, Allow from HttpResponseNotAllowed, headers on the bound response', async () => {
  const { model } = await parse(django);
  assert.deepEqual(model.sites.map((s) => [s.code, s.kind, s.vocabulary]), [[201, 'number', undefined], [404, 'constant', 'django'], [405, 'constant', 'django'], [200, 'number', undefined]]);
  assert.deepEqual(model.handlers.map((h) => h.method), ['POST', undefined, 'DELETE']);
  const created = model.responses[model.sites[0].response!];
  assert.match(await edited(django, created.edits.addHeader?.('Location', '/things/1')), /status=201\)\n {4}response\["Location"\] = "\/things\/1"\n {4}return response/);
  const notFound = model.responses[model.sites[1].response!];
  assert.equal(notFound.branch?.kind, 'not-found');
  assert.equal(notFound.edits.addHeader?.('Retry-After', '10'), undefined, 'an unbound Django response has no header edit');
  const gone = await edited(django, notFound.edits.setStatus?.(410));
  assert.match(gone, /return HttpResponseGone\("no such thing"\)/);
  assert.match(gone, /^from django\.http import .*HttpResponseGone$/m);
  assert.equal(notFound.edits.setStatus?.(301), undefined, 'a redirect class takes a URL, not a body');
  const notAllowed = model.responses[model.sites[2].response!];
  assert.deepEqual(notAllowed.headers.map((h) => h.name), ['allow']);
});

const drf = `from rest_framework import generics, mixins, status, viewsets
from rest_framework.decorators import api_view
from rest_framework.response import Response

@api_view(["POST"])
def make(request):
    s = Serializer(data=request.data)
    if not s.is_valid():
        return Response(s.errors)
    return Response(s.data, status=status.HTTP_201_CREATED)

class Invoices(viewsets.ModelViewSet):
    def create(self, request):
        return Response(d, status=status.HTTP_201_CREATED)
    def destroy(self, request, pk=None):
        return Response(status=status.HTTP_204_NO_CONTENT)
`;

test('DRF: drf vocabulary, ViewSet actions, the mixin create helper, serializer errors sent with 200', async () => {
  const { model } = await parse(drf);
  assert.ok(model.sites.every((s) => s.vocabulary === 'drf'));
  assert.deepEqual(model.handlers.map((h) => [h.method, h.route]), [['POST', undefined], ['POST', 'Invoices:list'], ['DELETE', 'Invoices:detail']]);
  assert.equal(model.responses[model.sites[0].response!].helper, undefined);
  assert.equal(model.responses[model.sites[1].response!].helper, 'created');
  const errors = responseAt(model, drf, 'Response(s.errors)');
  assert.deepEqual([errors.implicitStatus, errors.branch?.kind], [200, 'validation-error']);
  assert.match(errors.body?.errorShape?.reason ?? '', /s\.errors/);
  assert.match(await edited(drf, errors.edits.setStatus?.(400)), /Response\(s\.errors, status=status\.HTTP_400_BAD_REQUEST\)/);
});

const aiohttp = `from aiohttp import web
routes = web.RouteTableDef()

@routes.post('/s')
async def create(request):
    raise web.HTTPConflict(text='exists')

@routes.get('/login')
async def login(request):
    raise web.HTTPFound(location='/s')
`;

test('aiohttp: exception classes are constants; HTTPFound redirects', async () => {
  const { model } = await parse(aiohttp);
  assert.deepEqual(model.sites.map((s) => [s.code, s.kind, s.vocabulary, s.name]), [[409, 'constant', 'aiohttp', 'HTTPConflict'], [302, 'constant', 'aiohttp', 'HTTPFound']]);
  assert.equal(model.responses[1].helper, 'redirect');
  const conflict = model.responses[0];
  assert.match(await edited(aiohttp, conflict.edits.setStatus?.(410)), /raise web\.HTTPGone\(text='exists'\)/);
  assert.match(await edited(aiohttp, conflict.edits.addHeader?.('Retry-After', '5')), /web\.HTTPConflict\(text='exists', headers=\{'Retry-After': '5'\}\)/);
  assert.match(await edited(aiohttp, conflict.edits.dropBody?.()), /web\.HTTPConflict\(\)/);
  assert.deepEqual(model.vocabularies, [{ vocabulary: 'aiohttp', form: 'web.NAME', imported: true }]);
});

test('tests: assertion and comparison roles; comments are reported', async () => {
  const text = `# http-status-hints: ignore
def test_x(client):
    r = client.get("/")
    assert r.status_code == 409
    self.assertEqual(201, r.status_code)
    if r.status_code != 404:
        pass
    assert len(r.json()) == 200
`;
  const { model } = await parse(text);
  assert.deepEqual(model.sites.map((s) => [s.code, s.role]), [[409, 'assertion'], [201, 'assertion'], [404, 'comparison']]);
  assert.deepEqual(model.comments.map((c) => c.text), ['# http-status-hints: ignore']);
});

test('fake responses in tests and mocks are named, not responses; a bound Flask response is one', async () => {
  const text = `from flask import make_response
def test_client(mocker):
    fake = mocker.Mock()
    fake.status_code = 201
    expected = {"statusCode": 404, "body": "x"}
def build():
    resp = make_response("made")
    resp.status_code = 201
    return resp
`;
  const { model } = await parse(text);
  assert.deepEqual(model.sites.map((s) => [s.code, s.role]), [[201, 'reference'], [404, 'reference'], [201, 'response']]);
  assert.equal(model.responses.length, 1);
  assert.equal(text.slice(model.responses[0].body!.span.start, model.responses[0].body!.span.end), '"made"');
  assert.match(await edited(text, model.responses[0].edits.addHeader?.('Location', '/x')), /resp\.status_code = 201\n {4}resp\.headers\["Location"\] = "\/x"\n/);
});

test('slots while typing: abort(, status_code=, tuple returns, assertions', async () => {
  const cases: [string, string | undefined, string?][] = [
    ['@app.post("/x")\ndef f():\n    if not item:\n        abort(|\n', 'response abort() POST not-found'],
    ['@router.delete("/x", status_code=status.HTTP_2|)\ndef f():\n    pass\n', 'response @router.delete(status_code=) DELETE', 'status.HTTP_2'],
    ['raise HTTPException(status_code=4|', 'response HTTPException(status_code=)', '4'],
    ['    return jsonify(error="x"), |', 'response return body, status'],
    ['    return Response(d, status=|)', 'response Response(status=)'],
    ['    assert r.status_code == |', 'assertion r.status_code =='],
    ['    self.assertEqual(r.status_code, |', 'assertion assertEqual(r.status_code, )'],
    ['app.run(port=|', undefined],
    ['x = "abort(|', undefined],
    ['time.sleep(|', undefined],
  ];
  for (const [src, expected, partial] of cases) {
    const offset = src.indexOf('|');
    const text = src.slice(0, offset) + src.slice(offset + 1);
    const { input } = await parse(text);
    const slot = pythonAdapter.slotAt!(input, offset);
    const got = slot && [slot.role, slot.form, slot.method, slot.branch].filter(Boolean).join(' ');
    assert.equal(got, expected, src);
    if (slot) assert.equal(text.slice(slot.span.start, slot.span.end), partial ?? '', src);
  }
});

test('import edits in the file style, after the imports', async () => {
  const edit = async (text: string, vocabulary: string) => {
    const { input } = await parse(text);
    const e = pythonAdapter.importEdit!(input, vocabulary);
    return e && apply(text, [e]);
  };
  assert.equal(await edit('"""Doc."""\nimport os\n\nx = 1\n', 'python-http'), '"""Doc."""\nimport os\nfrom http import HTTPStatus\n\nx = 1\n');
  assert.equal(await edit('from fastapi import FastAPI, HTTPException\n', 'starlette'), 'from fastapi import FastAPI, HTTPException, status\n');
  assert.equal(await edit('from rest_framework.response import Response\n', 'drf'), 'from rest_framework.response import Response\nfrom rest_framework import status\n');
  assert.equal(await edit('from starlette.applications import Starlette\n', 'starlette'), 'from starlette.applications import Starlette\nfrom starlette import status\n');
  assert.equal(await edit('x = 1\n', 'aiohttp'), 'from aiohttp import web\nx = 1\n');
  assert.equal(await edit('import http\n', 'python-http'), undefined, 'http.HTTPStatus is already usable');
  assert.equal(await edit('from fastapi import status\n', 'starlette'), undefined);
  assert.equal(await edit('import os\n', 'go-http'), undefined);
});

test('broken code never throws', async () => {
  for (const src of [flask, fastapi, django, drf, aiohttp]) {
    for (let cut = 0; cut < src.length; cut += 37) {
      const { input } = await parse(src.slice(0, cut));
      pythonAdapter.extract(input);
      pythonAdapter.slotAt!(input, cut);
    }
  }
});

test('a missing-list or type check is an input check only when it looks at request values', async () => {
  const src = `import os
from flask import Flask, jsonify, request

app = Flask(__name__)


@app.post("/orders")
def create_order():
    settings_missing = [k for k in ("DB_URL", "QUEUE_URL") if k not in os.environ]
    if settings_missing:
        return jsonify(message="server misconfigured"), 500
    data = request.get_json()
    missing = [f for f in ("sku", "quantity") if f not in data]
    if missing:
        return jsonify(message="missing fields"), 400
    result = price(data)
    if not isinstance(result, dict):
        return jsonify(message="pricing failed"), 500
    return jsonify(result), 201, {"Location": "/orders/1"}
`;
  const { model } = await parse(src);
  const kinds = model.responses.filter((r) => r.site !== undefined).map((r) => [model.sites[r.site!].code, r.branch?.kind]);
  assert.deepEqual(kinds, [[500, 'other'], [400, 'input-check'], [500, 'other'], [201, undefined]]);
});
