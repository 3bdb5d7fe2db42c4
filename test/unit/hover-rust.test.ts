// Hover over status codes in Rust (axum, actix-web, tests), and no hover on the numbers that
// are not statuses (addresses, ports, durations, capacities, indexes, ranges, strings,
// comments, attributes).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze, offsetOf } from '../helpers/analyze';
import { hoverFixtureTests, type Case } from '../helpers/hoverCases';
import { doHover } from '../../server/src/features/hover';


const fixtures: Record<string, Case[]> = {
  'axum.rs': [
    ['StatusCode::CONFLICT', 0, 14, '409 Conflict'],
    ['StatusCode::CREATED', 0, 3, '201 Created'],
    ['StatusCode::NOT_FOUND', 0, 14, '404 Not Found'],
    ['StatusCode::INTERNAL_SERVER_ERROR', 0, 14, '500 Internal Server Error'],
    ['from_u16(422)', 0, 10, '422 Unprocessable Content'],
    ['StatusCode::NO_CONTENT', 0, 14, '204 No Content'],
    ['Redirect::permanent("/todos")', 0, 12, '308 Permanent Redirect'],
    ['"409"', 0, 2, null],
    ['v[2]', 0, 2, null],
    ['0..200', 0, 4, null],
    ['id == 0', 0, 6, null],
    ['127, 0, 0, 1', 0, 0, null],
    ['3000))', 0, 0, null],
    ['from_millis(500)', 0, 13, null],
    ['with_capacity(1024)', 0, 15, null],
    ['404 means', 0, 0, null],
    ['answers 201', 0, 8, null],
  ],
  'actix.rs': [
    ['HttpResponse::Conflict()', 0, 15, '409 Conflict'],
    ['HttpResponse::Created()', 0, 15, '201 Created'],
    ['HttpResponse::Ok().json(note)', 0, 14, '200 OK'],
    ['HttpResponse::NotFound()', 0, 15, '404 Not Found'],
    ['StatusCode::UNPROCESSABLE_ENTITY', 0, 14, '422 Unprocessable Content'],
    ['HttpResponse::NoContent()', 0, 15, '204 No Content'],
    ['HttpResponse::ServiceUnavailable()', 0, 15, '503 Service Unavailable'],
    ['from_u16(418)', 0, 10, "418 I'm a teapot"],
    ['10_000', 0, 0, null],
    ['"30"', 0, 1, null],
    ['with_capacity(64)', 0, 15, null],
    ['workers(4)', 0, 8, null],
    ['8080', 0, 0, null],
    ['HttpResponse::build(StatusCode', 0, 15, null],
  ],
  'tests.rs': [
    ['StatusCode::CREATED', 0, 14, '201 Created'],
    ['status(), 409', 0, 10, '409 Conflict'],
    ['as_u16(), 500', 0, 10, '500 Internal Server Error'],
    ['StatusCode::CONFLICT', 0, 14, '409 Conflict'],
    ['StatusCode::OK', 0, 12, '200 OK'],
    ['200 =>', 0, 0, '200 OK'],
    ['503 =>', 0, 0, '503 Service Unavailable'],
    ['len(), 3', 0, 7, null],
    ['retry in 30', 0, 9, null],
    ['[1, 2, 5]', 0, 7, null],
    ['retries[2]', 0, 8, null],
    ['is_success', 0, 3, null],
  ],
};

hoverFixtureTests('rust', fixtures, 'rust');

test('the hover range of a qualified constant covers its whole path', async () => {
  const src = 'fn f() -> axum::http::StatusCode {\n    axum::http::StatusCode::GONE\n}\n';
  const { document, model, settings } = await analyze(src, 'rust', 'file:///x/q.rs');
  const hover = doHover(document, model, offsetOf(src, 'GONE'), settings)!;
  assert.match((hover.contents as { value: string }).value, /^\*\*410 Gone\*\*/);
  assert.equal(document.offsetAt(hover.range!.start), offsetOf(src, 'axum::http::StatusCode::GONE'));
});

test('numbers in strings, comments, attributes and macros without a status never hover', async () => {
  const src = '// returns 404\n#[serde(rename = "409")]\n#[cfg(feature = "x")]\nstruct T;\nfn f() {\n    println!("{} {}", 500, "503");\n    let port = 8080;\n    let bytes = 1024u32;\n}\n';
  const { model } = await analyze(src, 'rust', 'file:///x/neg.rs');
  assert.deepEqual(model.sites, []);
});
