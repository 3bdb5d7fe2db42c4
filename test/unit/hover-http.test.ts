// Hover over statuses in .http / .rest request files: expected-response lines, comments written
// that way, httpyac `??` assertions and JetBrains response handlers. No hover on ports, query
// strings, header values, variables, bodies or URLs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze, offsetOf, readFixture } from '../helpers/analyze';
import { doHover } from '../../server/src/features/hover';

type Case = [needle: string, occurrence: number, delta: number, expected: string | null];

const cases: Case[] = [
  ['?? status == 200', 0, 14, '200 OK'],
  ['?? status < 300', 0, 12, '300 Multiple Choices'],
  ['HTTP/1.1 201 Created', 0, 10, '201 Created'],
  ['# expect HTTP/1.1 409', 0, 19, '409 Conflict'],
  ['?? status == 409', 0, 13, '409 Conflict'],
  ['// expect HTTP/2 404', 0, 17, '404 Not Found'],
  ['?? status >= 400', 0, 14, '400 Bad Request'],
  ['response.status === 204', 0, 21, '204 No Content'],
  ['@port = 3000', 0, 9, null],
  ['page=404', 0, 6, null],
  ['limit=200', 0, 7, null],
  ['Content-Length: 200', 0, 17, null],
  ['abc404', 0, 4, null],
  ['"A-409"', 0, 4, null],
  ['"status": 404', 0, 11, null],
  ['"retries": 500', 0, 12, null],
  ['localhost:3000/orders/999999', 0, 11, null],
  ['999999', 0, 2, null],
  ['"expected 204', 0, 11, null],
  ['length < 1000', 0, 10, null],
  ['/orders/17', 0, 8, null],
  ['POST {{host}}/orders HTTP/1.1', 0, 27, null],
];

test('hover in orders.http', async () => {
  const source = readFixture('hover', 'http', 'orders.http');
  const { document, model, settings } = await analyze(source, 'http', 'file:///fixtures/orders.http');
  for (const [needle, occurrence, delta, expected] of cases) {
    const offset = offsetOf(source, needle, occurrence, delta);
    const hover = doHover(document, model, offset, settings);
    const value = hover && typeof hover.contents === 'object' && 'value' in hover.contents ? hover.contents.value : '';
    if (expected === null) {
      assert.equal(hover, null, `no hover expected at "${needle}", got: ${value.split('\n')[0]}`);
    } else {
      assert.ok(hover, `expected a hover "${expected}" at "${needle}"`);
      assert.match(value, new RegExp(`^\\*\\*${expected}\\*\\*`), `at "${needle}"`);
      const start = document.offsetAt(hover.range!.start);
      const end = document.offsetAt(hover.range!.end);
      assert.ok(start <= offset && offset < end, `hover range should cover "${needle}"`);
    }
  }
});
