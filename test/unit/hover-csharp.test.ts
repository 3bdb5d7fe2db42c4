// Hover over status codes in C#: ASP.NET Core controllers, minimal APIs, middleware and tests;
// and no hover on the numbers that are not statuses (ports, delays, sizes, indexes, loop bounds,
// validation limits, timeouts, strings, comments).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../helpers/analyze';
import { hoverFixtureTests, type Case } from '../helpers/hoverCases';
import { doHover } from '../../server/src/features/hover';


const fixtures: Record<string, Case[]> = {
  'OrdersController.cs': [
    ['Ok(orders', 0, 1, '200 OK'],
    ['StatusCodes.Status200OK', 0, 14, '200 OK'],
    ['ProducesResponseType(404)', 0, 22, '404 Not Found'],
    ['NotFound()', 0, 0, '404 Not Found'],
    ['StatusCodes.Status201Created', 0, 3, '201 Created'],
    ['ProducesResponseType(409)', 0, 22, '409 Conflict'],
    ['BadRequest(new', 0, 4, '400 Bad Request'],
    ['Conflict(new', 0, 3, '409 Conflict'],
    ['CreatedAtAction', 0, 9, '201 Created'],
    ['NoContent()', 0, 5, '204 No Content'],
    ['StatusCode(409', 0, 12, '409 Conflict'],
    ['Status500InternalServerError', 0, 6, '500 Internal Server Error'],
    ['statusCode: 404', 0, 13, '404 Not Found'],
    ['StatusCode = 204', 0, 14, '204 No Content'],
    ['Unauthorized()', 0, 6, '401 Unauthorized'],
    ['UnprocessableEntity(new', 0, 10, '422 Unprocessable Content'],
    ['Response.StatusCode = 403', 0, 23, '403 Forbidden'],
    ['RedirectPermanent', 0, 3, '301 Moved Permanently'],
    // Not statuses.
    ['port 8080', 0, 6, null],
    ['after 404 misses', 0, 7, null],
    ['PageSize = 50', 0, 12, null],
    ['byte[1024]', 0, 6, null],
    ['MaxLength(255)', 0, 11, null],
    ['Range(1, 500)', 0, 10, null],
    ['i < 200', 0, 4, null],
    ['Delay(500)', 0, 7, null],
    ['orders[404]', 0, 8, null],
    ['"Retry-After"] = "30"', 0, 18, null],
    ['Count > 20', 0, 8, null],
  ],
  'MinimalApi.cs': [
    ['Results.Ok(todo)', 0, 9, '200 OK'],
    ['Results.NotFound()', 0, 10, '404 Not Found'],
    ['statusCode: 422', 0, 13, '422 Unprocessable Content'],
    ['statusCode: 409', 0, 13, '409 Conflict'],
    ['Results.Created', 0, 9, '201 Created'],
    ['StatusCode(404)', 0, 12, '404 Not Found'],
    ['Results.NoContent', 0, 10, '204 No Content'],
    ['StatusCode(418)', 0, 12, "418 I'm a teapot"],
    ['StatusCode = 401', 0, 14, '401 Unauthorized'],
    ['TypedResults.NotFound', 0, 14, '404 Not Found'],
    ['*:5000', 0, 3, null],
    ['Take(100)', 0, 6, null],
    ['RejectionStatusCode = 429', 0, 23, '429 Too Many Requests'],
  ],
  'OrdersApiTests.cs': [
    ['HttpStatusCode.Created', 0, 16, '201 Created'],
    ['Equal(409', 0, 7, '409 Conflict'],
    ['HttpStatusCode.Conflict', 0, 16, '409 Conflict'],
    ['HttpStatusCode.NotFound', 0, 16, '404 Not Found'],
    ['HttpStatusCode.TooManyRequests', 0, 16, '429 Too Many Requests'],
    ['FromSeconds(30)', 0, 12, null],
    ['quantity = 150', 0, 12, null],
    ['Delay(1000)', 0, 7, null],
    ['Equal(3,', 0, 6, null],
    ['limit=20', 0, 6, null],
    ['FromSeconds(60)', 0, 12, null],
    ['EnsureSuccessStatusCode', 0, 5, null],
  ],
};

hoverFixtureTests('csharp', fixtures, 'csharp');

test('a StatusCodes constant names ASP.NET Core; an HttpStatusCode name names System.Net', async () => {
  const a = await analyze('class C : ControllerBase { IActionResult F() => StatusCode(StatusCodes.Status409Con|flict); }', 'csharp');
  assert.match((doHover(a.document, a.model, a.offset, a.settings)!.contents as { value: string }).value, /`Status409Conflict` = 409 in ASP\.NET Core StatusCodes/);
  const b = await analyze('class T { void F() { Assert.Equal(HttpStatusCode.Not|Found, r.StatusCode); } }', 'csharp');
  assert.match((doHover(b.document, b.model, b.offset, b.settings)!.contents as { value: string }).value, /`NotFound` = 404 in \.NET System\.Net\.HttpStatusCode/);
});

test('bare NotFound() / StatusCode(n) outside a controller are not ASP.NET helpers', async () => {
  for (const source of ['class Parser { Result F() { return NotFo|und(); } Result NotFound() => new(); }', 'class Gauge { void F() { StatusCode(4|04); } void StatusCode(int n) { } }']) {
    const { document, model, settings, offset } = await analyze(source, 'csharp');
    assert.equal(doHover(document, model, offset, settings), null, source);
  }
});
