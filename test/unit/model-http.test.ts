// The .http adapter's model: statuses only where a request file states an expected status,
// one handler per request with its method, comments for suppressions, and the typing slot.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { httpAdapter } from '../../server/src/languages/http/adapter';
import { readFixture } from '../helpers/analyze';

const extract = (text: string) => httpAdapter.extract({ uri: 'file:///r.http', languageId: 'http', text });
const slotAt = (source: string) => {
  const offset = source.indexOf('|');
  const text = source.slice(0, offset) + source.slice(offset + 1);
  const slot = httpAdapter.slotAt!({ uri: 'file:///r.http', languageId: 'http', text }, offset);
  return slot && { ...slot, typed: text.slice(slot.span.start, slot.span.end) };
};

test('sites: status lines, comments in that form, ?? assertions and response handlers', () => {
  const text = readFixture('hover', 'http', 'orders.http');
  const model = extract(text);
  const sites = model.sites.map((s) => [s.code, s.form, s.role, s.kind, text.slice(s.span.start, s.span.end)]);
  assert.deepEqual(sites, [
    [200, '?? status', 'assertion', 'number', '200'],
    [300, '?? status', 'assertion', 'number', '300'],
    [201, 'HTTP status line', 'assertion', 'number', '201'],
    [409, 'HTTP status line', 'assertion', 'number', '409'],
    [409, '?? status', 'assertion', 'number', '409'],
    [404, 'HTTP status line', 'assertion', 'number', '404'],
    [400, '?? status', 'assertion', 'number', '400'],
    [204, 'response.status', 'assertion', 'number', '204'],
  ]);
  assert.equal(model.responses.length, 0, 'a request file sends requests; it declares no responses');
});

test('no site on request lines, headers, query strings, variables, bodies or script strings', () => {
  const text = [
    '@port = 3000',
    'GET http://localhost:3000/orders?page=404 HTTP/1.1',
    'Content-Length: 200',
    'X-Retry: 503',
    '',
    '{ "status": 404, "line": "HTTP/1.1 500 Internal" }',
    '',
    '> {% client.log("HTTP/1.1 200 " + response.status); %}',
    '  HTTP/1.1 200 indented is body text',
    '#HTTP/1.1 xyz',
  ].join('\n');
  assert.deepEqual(extract(text).sites, []);
});

test('handlers: one per request, with its method and URL; a bare URL is a GET', () => {
  const text = readFixture('hover', 'http', 'orders.http');
  const model = extract(text);
  assert.deepEqual(model.handlers.map((h) => [h.method, h.route]), [
    ['GET', '{{host}}/orders?page=404&limit=200'],
    ['POST', '{{host}}/orders'],
    ['POST', '{{host}}/orders'],
    ['GET', 'http://localhost:3000/orders/999999'],
    ['DELETE', 'http://localhost:3000/orders/17'],
    ['GET', 'http://localhost:3000/health'],
  ]);
  // Each request's span holds its own expectation.
  const s409 = model.sites.find((s) => s.form === '?? status' && s.code === 409)!;
  const holder = model.handlers.find((h) => h.span.start <= s409.span.start && s409.span.end <= h.span.end);
  assert.equal(text.slice(holder!.span.start).split('\n')[0], '# expect HTTP/1.1 409 Conflict');
  // A body line that reads like a request is not one.
  assert.deepEqual(extract('### x\n# only a comment\nContent-Type: text/plain\n\ndelete me\n').handlers, []);
});

test('comments are collected for suppressions', () => {
  const model = extract('# @name createOrder\n// http-status-hints-disable-next-line\nPOST /orders\n### Next\n');
  assert.deepEqual(model.comments.map((c) => c.text), ['# @name createOrder', '// http-status-hints-disable-next-line']);
});

test('slotAt after `?? status == ` and after `HTTP/1.1 `, with the request method', () => {
  const assertion = slotAt('### a\nPOST /orders\n\n?? status == |');
  assert.deepEqual([assertion?.accepts, assertion?.role, assertion?.form, assertion?.method, assertion?.typed], ['number', 'assertion', '?? status', 'POST', '']);
  const partial = slotAt('### a\nDELETE /orders/1\n\n?? status == 2|');
  assert.deepEqual([partial?.method, partial?.typed], ['DELETE', '2']);
  const line = slotAt('### a\nPUT /orders/1\n\nHTTP/1.1 |');
  assert.deepEqual([line?.form, line?.method, line?.typed], ['HTTP status line', 'PUT', '']);
  const inComment = slotAt('GET /x\n# expect HTTP/2 4|04');
  assert.deepEqual([inComment?.method, inComment?.typed], ['GET', '404']);
  // The method comes from the cursor's own request, not the one before.
  assert.equal(slotAt('POST /a\n\n###\nGET /b\n\n?? status == |')?.method, 'GET');
  assert.equal(slotAt('GET http://localhost:|'), undefined);
  assert.equal(slotAt('Content-Length: |'), undefined);
  assert.equal(slotAt('@port = |'), undefined);
  assert.equal(slotAt('?? header content-type == |'), undefined);
});
