// Hover over status codes in Java: Spring MVC, JAX-RS, the servlet API and the test libraries;
// and no hover on the numbers that are not statuses (ports, sleeps, sizes, indexes, loop bounds,
// validation limits, strings, comments).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../helpers/analyze';
import { hoverFixtureTests, type Case } from '../helpers/hoverCases';
import { doHover } from '../../server/src/features/hover';


const fixtures: Record<string, Case[]> = {
  'OrderController.java': [
    ['ResponseEntity.ok(orders)', 0, 16, '200 OK'],
    ['ResponseEntity::ok', 0, 17, '200 OK'],
    ['notFound()', 0, 3, '404 Not Found'],
    ['unprocessableEntity()', 0, 5, '422 Unprocessable Content'],
    ['status(409)', 0, 8, '409 Conflict'],
    ['created(URI', 0, 2, '201 Created'],
    ['HttpStatus.OK', 0, 11, '200 OK'],
    ['HttpStatus.CONFLICT', 0, 3, '409 Conflict'],
    ['HttpStatus.ACCEPTED', 0, 12, '202 Accepted'],
    ['HttpStatus.NO_CONTENT', 0, 14, '204 No Content'],
    ['HttpStatus.NOT_FOUND', 0, 11, '404 Not Found'],
    ['code = HttpStatus.ACCEPTED', 0, 20, '202 Accepted'],
    ['badRequest()', 0, 0, '400 Bad Request'],
    ['noContent()', 0, 2, '204 No Content'],
    ['setStatus(301)', 0, 11, '301 Moved Permanently'],
    ['valueOf(503)', 0, 9, '503 Service Unavailable'],
    ['valueOf(503)', 1, 9, '503 Service Unavailable'],
    ['accepted()', 0, 4, '202 Accepted'],
    ['internalServerError()', 0, 8, '500 Internal Server Error'],
    ['status(500)', 0, 8, '500 Internal Server Error'],
    // Not statuses.
    ['8080 and', 0, 1, null],
    ['after a 503', 0, 9, null],
    ['PAGE_SIZE = 50', 0, 12, null],
    ['ofSeconds(30)', 0, 10, null],
    ['byte[1024]', 0, 6, null],
    ['max = 255', 0, 7, null],
    ['@Min(100)', 0, 6, null],
    ['i < 200', 0, 4, null],
    ['sleep(500)', 0, 7, null],
    ['get(404)', 0, 5, null],
    ['"Retry-After", "30"', 0, 17, null],
    ['try in 30 seconds', 0, 8, null],
  ],
  'BookResource.java': [
    ['Response.ok(store', 0, 10, '200 OK'],
    ['Response.Status.NOT_FOUND', 0, 17, '404 Not Found'],
    ['status(422)', 0, 8, '422 Unprocessable Content'],
    ['Status.CONFLICT', 0, 8, '409 Conflict'],
    ['Response.created', 0, 10, '201 Created'],
    ['status(503)', 0, 8, '503 Service Unavailable'],
    ['Response.noContent', 0, 11, '204 No Content'],
    ['"not found", Response.Status.NOT_FOUND', 0, 30, '404 Not Found'],
    ['Status.OK.getStatusCode', 0, 7, '200 OK'],
    ['Response.accepted', 0, 10, '202 Accepted'],
    ['MAX_TITLE = 300', 0, 12, null],
    ['limit, 100', 0, 7, null],
    ['toMillis(10)', 0, 9, null],
    ['"Retry-After", 30', 0, 15, null],
    ['DefaultValue("20")', 0, 14, null],
  ],
  'AccountServlet.java': [
    ['sendError(401)', 0, 11, '401 Unauthorized'],
    ['SC_NOT_FOUND', 0, 4, '404 Not Found'],
    ['SC_OK', 0, 3, '200 OK'],
    ['setStatus(204)', 0, 11, '204 No Content'],
    ['setStatus(409)', 0, 11, '409 Conflict'],
    ['status == 500', 0, 11, '500 Internal Server Error'],
    ['loadOnStartup = 1', 0, 16, null],
    ['BUFFER = 8192', 0, 10, null],
    ['+ 3 +', 0, 2, null],
  ],
  'OrderControllerTest.java': [
    ['isCreated', 0, 3, '201 Created'],
    ['isConflict', 0, 3, '409 Conflict'],
    ['is(404)', 0, 4, '404 Not Found'],
    ['statusCode(200)', 0, 12, '200 OK'],
    ['equalTo(204)', 0, 9, '204 No Content'],
    ['assertEquals(404', 0, 14, '404 Not Found'],
    ['HttpStatus.OK, response', 0, 11, '200 OK'],
    ['HttpStatus.CREATED', 0, 12, '201 Created'],
    ['statusCode() == 429', 0, 17, '429 Too Many Requests'],
    ['"409", description', 0, 2, '409 Conflict'],
    ['HttpStatus.NOT_FOUND', 0, 12, '404 Not Found'],
    ['hasSize(3)', 0, 8, null],
    ['"quantity\\":150', 0, 12, null],
    ['port(8080)', 0, 6, null],
    ['equalTo(20)', 0, 8, null],
    ['hasSize(42)', 0, 8, null],
    ['assertEquals(3,', 0, 13, null],
    ['sleep(1000)', 0, 7, null],
  ],
};

hoverFixtureTests('java', fixtures, 'java');

test('a constant hover names the vocabulary it comes from', async () => {
  const { document, model, settings, offset } = await analyze('class A { Object f() { return ResponseEntity.status(HttpStatus.CONF|LICT).build(); } }', 'java');
  const value = (doHover(document, model, offset, settings)!.contents as { value: string }).value;
  assert.match(value, /`CONFLICT` = 409 in Spring HttpStatus/);
});

test('an old Spring name still hovers and says so', async () => {
  const { document, model, settings, offset } = await analyze('class A { Object f() { return ResponseEntity.status(HttpStatus.REQUEST_ENTITY_TOO_LA|RGE).build(); } }', 'java');
  const value = (doHover(document, model, offset, settings)!.contents as { value: string }).value;
  assert.match(value, /^\*\*413 /);
  assert.match(value, /old name/);
});
