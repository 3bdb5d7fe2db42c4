// Hover over status codes in PHP (Laravel, Symfony, plain PHP, PHPUnit / Laravel tests), and no
// hover on the numbers that are not statuses (page sizes, loop bounds, TTLs, ports, strings, comments).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../helpers/analyze';
import { hoverFixtureTests, type Case } from '../helpers/hoverCases';


const fixtures: Record<string, Case[]> = {
  'PostController.php': [
    ["exists'], 409", 0, 11, '409 Conflict'],
    ['Response::HTTP_CREATED', 0, 12, '201 Created'],
    ['404, ', 0, 1, '404 Not Found'],
    ['200, [', 0, 1, '200 OK'],
    ['403)', 0, 1, '403 Forbidden'],
    ['noContent()', 0, 3, '204 No Content'],
    ['], 500)', 0, 4, '500 Internal Server Error'],
    ["('', 204)", 0, 6, '204 No Content'],
    ["'/posts', 301", 0, 11, '301 Moved Permanently'],
    ['HTTP_TOO_MANY_REQUESTS', 0, 4, '429 Too Many Requests'],
    ['paginate(15)', 0, 9, null],
    ['$i < 200', 0, 5, null],
    ['3600', 0, 1, null],
    ['sleep(5)', 0, 6, null],
    ["'x', 500", 0, 6, null],
    ["'port' => 8000", 0, 11, null],
    ["'limit' => 404", 0, 12, null],
    ['max:255', 0, 5, null],
    ['Status 500', 0, 8, null],
    ['PER_PAGE = 15', 0, 11, null],
    ['Retry-After\' => 60', 0, 16, null],
  ],
  'web.php': [
    ["'ok', 200", 0, 6, '200 OK'],
    ['abort(401)', 0, 7, '401 Unauthorized'],
    ['noContent()', 0, 2, '204 No Content'],
    ['abort(418', 0, 7, "418 I'm a teapot"],
  ],
  'ApiController.php': [
    ['$book, 201', 0, 7, '201 Created'],
    ['NotFoundHttpException(', 0, 4, '404 Not Found'],
    ['Response::HTTP_OK', 0, 12, '200 OK'],
    ['HttpException(409', 0, 15, '409 Conflict'],
    ['Response::HTTP_CONFLICT', 0, 2, '409 Conflict'],
    ['setStatusCode(204)', 0, 15, '204 No Content'],
    ["'/api/books', 301", 0, 15, '301 Moved Permanently'],
    ['limit: 500', 0, 8, null],
    ["'120'", 0, 2, null],
    ['$id > 1000', 0, 7, null],
  ],
  'legacy.php': [
    ['http_response_code(405)', 0, 20, '405 Method Not Allowed'],
    ['HTTP/1.1 422', 0, 10, '422 Unprocessable Content'],
    ['http_response_code(201)', 0, 19, '201 Created'],
    ['set_time_limit(30)', 0, 16, null],
    ['), 500)', 0, 4, null],
    ["?? 50", 0, 4, null],
  ],
  'PostApiTest.php': [
    ['assertCreated', 0, 3, '201 Created'],
    ['assertStatus(Response::HTTP_CREATED)', 0, 25, '201 Created'],
    ['assertSame(201', 0, 11, '201 Created'],
    ['assertStatus(409)', 0, 14, '409 Conflict'],
    ['assertUnprocessable', 0, 8, '422 Unprocessable Content'],
    ['assertNoContent', 0, 8, '204 No Content'],
    ['assertNotFound', 0, 8, '404 Not Found'],
    ['/api/posts/999', 0, 12, null],
    ['assertCount(1', 0, 12, null],
    ['assertEquals(3', 0, 13, null],
  ],
  'BookWebTest.php': [
    ['assertResponseStatusCodeSame(201)', 0, 30, '201 Created'],
    ['self::assertResponseStatusCodeSame(Response::HTTP_CREATED)', 0, 50, '201 Created'],
    ['assertSame(Response::HTTP_CREATED', 0, 25, '201 Created'],
    ['assertSame(2,', 0, 11, null],
  ],
};

hoverFixtureTests('php', fixtures, 'php');

test('nothing is analysed outside <?php: inline HTML keeps its numbers', async () => {
  const { model } = await analyze('<p>Error 404: page not found</p>\n<?php http_response_code(404); ?>\n<p>500 px</p>', 'php');
  assert.deepEqual(model.sites.map((s) => s.code), [404]);
});
