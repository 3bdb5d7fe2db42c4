// The Rust adapter's model: which values are statuses and in what role, handler methods from
// axum routers and actix attributes, the facts rules read off each response, edits that keep
// the code valid (and its types: tuple edits only where a type change is safe), the
// completion slot while a path or call is half typed, and the StatusCode / HttpResponse imports.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../helpers/analyze';
import { rustAdapter } from '../../server/src/languages/rust/adapter';
import { initRuntime, loadLanguage, parserFor } from '../../server/src/parsing/treeSitter';
import type { AdapterInput } from '../../server/src/languages/adapter';
import type { DocumentModel, OffsetEdit, ResponseFacts } from '../../server/src/model';
import { applyEdits, responseAround as responseAt } from '../helpers/modelEdits';

async function input(text: string, uri = 'file:///t/main.rs'): Promise<AdapterInput> {
  await initRuntime();
  const tree = parserFor('rust', await loadLanguage('rust')).parse(text)!;
  return { uri, languageId: 'rust', text, tree };
}

/** Applies edits (non-overlapping) and checks the result still parses as Rust. */
async function apply(text: string, edits: OffsetEdit[] | undefined): Promise<string> {
  const out = applyEdits(text, edits);
  const tree = (await input(out)).tree!;
  assert.equal(tree.rootNode.hasError, false, `the edited code parses:\n${out}`);
  return out;
}

const axum = `use axum::{
    extract::Path,
    http::{header, StatusCode},
    response::{IntoResponse, Response},
    routing::{get, post},
    Json, Router,
};
use serde_json::json;

async fn create(Json(input): Json<Todo>) -> Response {
    match repo::insert(&input).await {
        Ok(todo) => (StatusCode::CREATED, Json(todo)).into_response(),
        Err(e) => (StatusCode::INTERNAL_SERVER_ERROR, Json(json!({ "error": e.to_string() }))).into_response(),
    }
}

async fn show(Path(id): Path<u64>) -> Result<Json<Todo>, StatusCode> {
    let todo = repo::find(id).await.map_err(|_| StatusCode::INTERNAL_SERVER_ERROR)?;
    let Some(todo) = todo else {
        return Err(StatusCode::NOT_FOUND);
    };
    Ok(Json(todo))
}

async fn remove(Path(id): Path<u64>) -> impl IntoResponse {
    repo::delete(id).await;
    (StatusCode::OK, [(header::CACHE_CONTROL, "no-store")])
}

async fn status() -> impl IntoResponse {
    Json(json!({ "ok": false, "error": "maintenance" }))
}

pub fn router() -> Router {
    Router::new()
        .route("/todos", post(create))
        .route("/todos/:id", get(show).delete(remove))
        .route("/status", get(status))
}
`;

test('axum: sites, roles and handler methods', async () => {
  const { model } = await analyze(axum, 'rust', 'file:///t/axum.rs');
  assert.deepEqual(model.sites.map((s) => [s.code, s.kind, s.role, s.name]), [
    [201, 'constant', 'response', 'CREATED'],
    [500, 'constant', 'response', 'INTERNAL_SERVER_ERROR'],
    [500, 'constant', 'response', 'INTERNAL_SERVER_ERROR'],
    [404, 'constant', 'response', 'NOT_FOUND'],
    [200, 'constant', 'response', 'OK'],
  ]);
  assert.deepEqual(model.handlers.map((h) => [h.method, h.route, h.routeMethods?.sort()]), [
    ['POST', '/todos', ['POST']],
    ['GET', '/todos/:id', ['DELETE', 'GET']],
    ['DELETE', '/todos/:id', ['DELETE', 'GET']],
    ['GET', '/status', ['GET']],
  ]);
  assert.ok(model.handlers[0].calls.includes('insert'));
  assert.deepEqual(model.vocabularies, [{ vocabulary: 'rust-http', form: 'StatusCode::NAME', imported: true }]);
  assert.deepEqual(model.frameworks, ['axum']);
});

test('axum: branches, bodies, headers, and implicit 200s', async () => {
  const { model } = await analyze(axum, 'rust', 'file:///t/axum.rs');
  const failed = responseAt(model, axum, '(StatusCode::INTERNAL_SERVER_ERROR, Json');
  assert.deepEqual([failed.branch?.kind, failed.branch?.errorName], ['catch', 'e']);
  assert.equal(failed.body?.errorShape?.reason, 'an "error" key');
  assert.equal(axum.slice(failed.body!.rawErrorMessage!.start, failed.body!.rawErrorMessage!.end), 'e.to_string()');
  const mapped = responseAt(model, axum, 'StatusCode::INTERNAL_SERVER_ERROR)?');
  assert.equal(mapped.branch?.kind, 'catch');
  assert.equal(mapped.noBody, true);
  const missing = responseAt(model, axum, 'StatusCode::NOT_FOUND');
  assert.equal(missing.branch?.kind, 'not-found');
  const removed = responseAt(model, axum, '(StatusCode::OK, [');
  assert.deepEqual(removed.headers.map((h) => h.name), ['cache-control']);
  assert.equal(removed.noBody, true);
  const status = responseAt(model, axum, 'Json(json!({ "ok": false');
  assert.equal(status.implicitStatus, 200);
  assert.equal(status.body?.errorShape?.reason, '"ok: false"');
  assert.equal(status.handler, 3);
});

test('axum: edits keep types where a response may change type, and stay away where it may not', async () => {
  const { model } = await analyze(axum, 'rust', 'file:///t/axum.rs');
  const created = responseAt(model, axum, '(StatusCode::CREATED');
  assert.match(await apply(axum, created.edits.addHeader?.('Location', '/todos/1')), /\(StatusCode::CREATED, \[\("location", "\/todos\/1"\)\], Json\(todo\)\)\.into_response\(\)/);
  assert.match(await apply(axum, created.edits.setStatus?.(202)), /\(StatusCode::ACCEPTED, Json\(todo\)\)/);
  assert.match(await apply(axum, created.edits.setStatus?.(499)), /\(StatusCode::from_u16\(499\)\.unwrap\(\), Json\(todo\)\)/);
  assert.match(await apply(axum, created.edits.dropBody?.()), /Ok\(todo\) => StatusCode::CREATED\.into_response\(\)/);
  const failed = responseAt(model, axum, '(StatusCode::INTERNAL_SERVER_ERROR, Json');
  const redacted = await apply(axum, failed.edits.redactBody?.('Internal Server Error'));
  assert.match(redacted, /Err\(e\) => \{ eprintln!\("request failed: \{\}", e\); \(StatusCode::INTERNAL_SERVER_ERROR, Json\(json!\(\{ "error": "Internal Server Error"\.to_string\(\) \}\)\)\)\.into_response\(\) \},/);
  // A StatusCode returned as the error of Result<Json<_>, StatusCode> cannot grow headers.
  assert.equal(responseAt(model, axum, 'StatusCode::NOT_FOUND').edits.addHeader, undefined);
  // The tail of an `impl IntoResponse` function with no other return may change type.
  const removed = responseAt(model, axum, '(StatusCode::OK, [');
  assert.match(await apply(axum, removed.edits.addHeader?.('Retry-After', '5')), /\(StatusCode::OK, \[\(header::CACHE_CONTROL, "no-store"\)\], \[\("retry-after", "5"\)\]\)/);
  const status = responseAt(model, axum, 'Json(json!({ "ok": false');
  assert.match(await apply(axum, status.edits.setStatus?.(503)), /\(StatusCode::SERVICE_UNAVAILABLE, Json\(json!\(\{ "ok": false/);
  // Ok(Json(todo)) in a Result<Json<Todo>, _> function: changing its type would not compile.
  const found = responseAt(model, axum, 'Json(todo))\n}');
  assert.equal(found.implicitStatus, 200);
  assert.equal(found.edits.setStatus, undefined);
});

const actix = `use actix_web::{get, post, web, HttpResponse, Responder};
use actix_web::http::header;

#[post("/notes")]
async fn create(note: web::Json<Note>) -> impl Responder {
    match save(&note) {
        Ok(id) => HttpResponse::Created().insert_header((header::LOCATION, format!("/notes/{id}"))).json(note.0),
        Err(e) => HttpResponse::Ok().json(serde_json::json!({ "error": format!("db: {e}") })),
    }
}

#[get("/notes")]
async fn list() -> HttpResponse {
    HttpResponse::NoContent().json(vec![1, 2, 3])
}

async fn limited(h: web::Header<Token>) -> HttpResponse {
    HttpResponse::TooManyRequests().insert_header(h.0).finish()
}

async fn gone() -> HttpResponse {
    HttpResponse::Gone().finish()
}

fn config(cfg: &mut web::ServiceConfig) {
    cfg.service(web::resource("/limited").route(web::get().to(limited)));
    cfg.route("/gone", web::delete().to(gone));
}
`;

test('actix: builder constants, attribute and resource routes, chains', async () => {
  const { model } = await analyze(actix, 'rust', 'file:///t/actix.rs');
  assert.deepEqual(model.sites.map((s) => [s.code, s.vocabulary, s.name, s.role]), [
    [201, 'actix', 'Created', 'response'],
    [200, 'actix', 'Ok', 'response'],
    [204, 'actix', 'NoContent', 'response'],
    [429, 'actix', 'TooManyRequests', 'response'],
    [410, 'actix', 'Gone', 'response'],
  ]);
  assert.deepEqual(model.handlers.map((h) => [h.method, h.route]), [['POST', '/notes'], ['GET', '/notes'], ['GET', '/limited'], ['DELETE', '/gone']]);
  assert.deepEqual(model.vocabularies, [{ vocabulary: 'actix', form: 'HttpResponse::NAME()', imported: true }]);
  const created = responseAt(model, actix, 'HttpResponse::Created()');
  assert.deepEqual(created.headers.map((h) => h.name), ['location']);
  const ok = responseAt(model, actix, 'HttpResponse::Ok()');
  assert.deepEqual([ok.branch?.kind, ok.branch?.errorName, ok.body?.errorShape?.reason], ['catch', 'e', 'an "error" key']);
  assert.ok(ok.body?.rawErrorMessage);
  assert.equal(responseAt(model, actix, 'HttpResponse::TooManyRequests()').headersUnknown, true);
  assert.equal(responseAt(model, actix, 'HttpResponse::Gone()').noBody, true);
});

test('actix: edits', async () => {
  const { model } = await analyze(actix, 'rust', 'file:///t/actix.rs');
  const ok = responseAt(model, actix, 'HttpResponse::Ok()');
  assert.match(await apply(actix, ok.edits.setStatus?.(500)), /Err\(e\) => HttpResponse::InternalServerError\(\)\.json/);
  assert.match(await apply(actix, ok.edits.setStatus?.(425)), /Err\(e\) => HttpResponse::build\(actix_web::http::StatusCode::from_u16\(425\)\.unwrap\(\)\)\.json/);
  const redacted = await apply(actix, ok.edits.redactBody?.('Internal Server Error'));
  assert.match(redacted, /Err\(e\) => \{ eprintln!\("request failed: \{\}", e\); HttpResponse::Ok\(\)\.json\(serde_json::json!\(\{ "error": "Internal Server Error"\.to_string\(\) \}\)\) \},/);
  const noContent = responseAt(model, actix, 'HttpResponse::NoContent()');
  assert.match(await apply(actix, noContent.edits.dropBody?.()), /HttpResponse::NoContent\(\)\.finish\(\)/);
  const gone = responseAt(model, actix, 'HttpResponse::Gone()');
  assert.match(await apply(actix, gone.edits.addHeader?.('Retry-After', '60')), /HttpResponse::Gone\(\)\.insert_header\(\("Retry-After", "60"\)\)\.finish\(\)/);
  // A bare builder gains .finish() so the handler still returns a response.
  const bare = 'async fn h() -> impl Responder {\n    HttpResponse::Created()\n}\n';
  const b = await analyze(bare, 'rust', 'file:///t/bare.rs');
  assert.equal(await apply(bare, b.model.responses[0].edits.addHeader?.('Location', '/x')), 'async fn h() -> impl Responder {\n    HttpResponse::Created().insert_header(("Location", "/x")).finish()\n}\n');
});

test('redirect helpers are implicit statuses with their helper', async () => {
  const axumRedirect = 'use axum::response::Redirect;\nasync fn old() -> Redirect {\n    Redirect::to("/new")\n}\n';
  const a = await analyze(axumRedirect, 'rust', 'file:///t/r.rs');
  assert.deepEqual(a.model.sites.map((s) => [s.code, s.kind, s.form]), [[303, 'implicit', 'Redirect::to()']]);
  assert.equal(a.model.responses[0].helper, 'redirect');
  const actixRedirect = 'use actix_web::{web::Redirect, Responder};\nasync fn old() -> impl Responder {\n    Redirect::to("/new").permanent()\n}\n';
  const b = await analyze(actixRedirect, 'rust', 'file:///t/r2.rs');
  assert.deepEqual(b.model.sites.map((s) => s.code), [308]);
});

test('tests: assert macros and comparisons; is_success() is no site', async () => {
  const src = 'use http::StatusCode;\n#[test]\nfn t() {\n    assert_eq!(resp.status(), StatusCode::CREATED);\n    assert_eq!(201, res.status().as_u16());\n    assert!(resp.status().is_success());\n    assert_eq!(items.len(), 201);\n    if res.status() == 404 { return; }\n    let s = StatusCode::from_u16(409).unwrap();\n}\n';
  const { model } = await analyze(src, 'rust', 'file:///t/t.rs');
  assert.deepEqual(model.sites.map((s) => [s.code, s.kind, s.role]), [
    [201, 'constant', 'assertion'],
    [201, 'number', 'assertion'],
    [404, 'number', 'comparison'],
    [409, 'number', 'reference'],
  ]);
  assert.deepEqual(model.responses, []);
});

test('a status returned by a ResponseError impl is a response whose headers are not all known', async () => {
  const src = 'use actix_web::{http::StatusCode, ResponseError};\nimpl ResponseError for AppError {\n    fn status_code(&self) -> StatusCode {\n        match self {\n            AppError::NotFound => StatusCode::NOT_FOUND,\n            AppError::Limited => StatusCode::TOO_MANY_REQUESTS,\n        }\n    }\n}\n';
  const { model } = await analyze(src, 'rust', 'file:///t/err.rs');
  assert.deepEqual(model.responses.map((r) => [model.sites[r.site!].code, r.branch?.kind, r.headersUnknown]), [[404, 'not-found', true], [429, 'other', true]]);
});

test('broken code never throws', async () => {
  const broken = 'async fn h() -> impl IntoResponse {\n    (StatusCode::CREATED, Json(\n    assert_eq!(resp.status(), \n';
  const { model } = await analyze(broken, 'rust', 'file:///t/broken.rs');
  assert.ok(Array.isArray(model.sites));
  assert.deepEqual(rustAdapter.extract({ uri: 'file:///t/none.rs', languageId: 'rust', text: broken }).sites, []);
});

test('slotAt: half-typed paths and calls', async () => {
  const cases: [string, Partial<{ role: string; form: string; method: string; branch: string; accepts: string; partial: string }> | undefined][] = [
    ['use axum::routing::post;\nfn r() -> Router { Router::new().route("/x", post(create)) }\nasync fn create() -> impl IntoResponse {\n    (StatusCode::CRE|\n}', { role: 'response', method: 'POST', partial: 'StatusCode::CRE' }],
    ['#[delete("/x/{id}")]\nasync fn d() -> HttpResponse {\n    HttpResponse::No|\n}', { role: 'response', form: 'HttpResponse::NAME()', method: 'DELETE', partial: 'HttpResponse::No' }],
    ['async fn h() -> Response {\n    match load().await {\n        Err(e) => Response::builder().status(|).body(Body::empty()).unwrap(),\n    }\n}', { role: 'response', form: '.status()', branch: 'catch' }],
    ['fn t() {\n    assert_eq!(resp.status(), |\n}', { role: 'assertion', partial: '' }],
    ['fn t() {\n    assert_eq!(res.status(), 40|\n}', { role: 'assertion', partial: '40' }],
    ['fn t() {\n    if resp.status() != |\n}', { role: 'comparison' }],
    ['fn t() {\n    let s = StatusCode::from_u16(|\n}', { accepts: 'number' }],
    ['fn t() {\n    let d = Duration::from_millis(|\n}', undefined],
    ['fn t() {\n    let v = Vec::with_capacity(|\n}', undefined],
    ['fn t() {\n    let s = "StatusCode::|\n}', undefined],
    ['fn t() {\n    // StatusCode::|\n}', undefined],
  ];
  for (const [src, expected] of cases) {
    const at = src.indexOf('|');
    const text = src.slice(0, at) + src.slice(at + 1);
    const inp = await input(text);
    rustAdapter.extract(inp);
    const slot = rustAdapter.slotAt!(inp, at);
    if (!expected) {
      assert.equal(slot, undefined, `no slot in ${JSON.stringify(src)}`);
      continue;
    }
    assert.ok(slot, `a slot in ${JSON.stringify(src)}`);
    const { partial, ...rest } = expected;
    for (const [k, v] of Object.entries(rest)) assert.equal((slot as unknown as Record<string, unknown>)[k], v, `${k} in ${JSON.stringify(src)}`);
    if (partial !== undefined) assert.equal(text.slice(slot.span.start, slot.span.end), partial);
  }
});

test('importEdit: a use line after the last use, from the framework the file uses', async () => {
  const ax = 'use axum::{routing::get, Router};\nuse serde::Serialize;\n\nfn main() {}\n';
  assert.equal(await apply(ax, [rustAdapter.importEdit!(await input(ax), 'rust-http')!]), 'use axum::{routing::get, Router};\nuse serde::Serialize;\nuse axum::http::StatusCode;\n\nfn main() {}\n');
  const ac = 'use actix_web::{get, App};\n\nfn main() {}\n';
  assert.equal(await apply(ac, [rustAdapter.importEdit!(await input(ac), 'rust-http')!]), 'use actix_web::{get, App};\nuse actix_web::http::StatusCode;\n\nfn main() {}\n');
  assert.equal(await apply(ac, [rustAdapter.importEdit!(await input(ac), 'actix')!]), 'use actix_web::{get, App};\nuse actix_web::HttpResponse;\n\nfn main() {}\n');
  const none = '//! A service.\n\nfn main() {}\n';
  assert.equal(await apply(none, [rustAdapter.importEdit!(await input(none), 'rust-http')!]), '//! A service.\nuse http::StatusCode;\n\nfn main() {}\n');
  assert.equal(rustAdapter.importEdit!(await input('use axum::http::{header, StatusCode};\n'), 'rust-http'), undefined);
  assert.equal(rustAdapter.importEdit!(await input(ax), 'go-http'), undefined);
});

test('early axum: the free route() function registers handlers too', async () => {
  const src = 'use axum::{handler::get, route, Json};\nasync fn index() -> Json<Vec<u8>> {\n    Json(vec![])\n}\nasync fn create() -> StatusCode {\n    StatusCode::CREATED\n}\nfn app() {\n    let app = route("/todos", get(index).post(create));\n}\n';
  const { model } = await analyze(src, 'rust', 'file:///t/early.rs');
  assert.deepEqual(model.handlers.map((h) => [h.method, h.route]), [['GET', '/todos'], ['POST', '/todos']]);
  assert.equal(model.responses.find((r) => r.site !== undefined)?.handler, 1);
});

test('axum: a CookieJar or HeaderMap last in a tuple is response parts, not a body', async () => {
  const src = `use axum::{http::{header, HeaderMap, StatusCode}, response::IntoResponse};
use axum_extra::extract::cookie::{Cookie, CookieJar};

async fn logout(jar: CookieJar) -> impl IntoResponse {
    (StatusCode::NO_CONTENT, jar.remove(Cookie::from("session")))
}

async fn logout_all(jar: CookieJar) -> impl IntoResponse {
    let jar = jar.remove(Cookie::from("session"));
    (StatusCode::NO_CONTENT, jar)
}

async fn touch() -> impl IntoResponse {
    let mut headers = HeaderMap::new();
    headers.insert(header::CACHE_CONTROL, "no-store".parse().unwrap());
    (StatusCode::NO_CONTENT, headers)
}

async fn echo(text: String) -> impl IntoResponse {
    (StatusCode::OK, text)
}

async fn page(html: Html<String>) -> impl IntoResponse {
    (StatusCode::OK, html)
}
`;
  const { model } = await analyze(src, 'rust', 'file:///t/parts.rs');
  const facts = model.responses.map((r) => [model.sites[r.site!].code, !!r.body, !!r.noBody, !!r.headersUnknown]);
  assert.deepEqual(facts, [[204, false, true, true], [204, false, true, true], [204, false, true, true], [200, true, false, true], [200, true, false, true]]);
  const touch = responseAt(model, src, '(StatusCode::NO_CONTENT, headers)');
  assert.equal(touch.edits.dropBody, undefined);
  assert.match(await apply(src, touch.edits.addHeader?.('Retry-After', '5')), /\(StatusCode::NO_CONTENT, headers, \[\("retry-after", "5"\)\]\)/);
  const rawParam = responseAt(model, src, '(StatusCode::OK, text)');
  assert.match(await apply(src, rawParam.edits.addHeader?.('Location', '/x')), /\(StatusCode::OK, \[\("location", "\/x"\)\], text\)/);
});
