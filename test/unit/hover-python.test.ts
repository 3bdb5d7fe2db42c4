// Hover over status codes in Python frameworks (Flask, FastAPI, Django, DRF, aiohttp, AWS
// Lambda, pytest/unittest), and no hover on the numbers that are not statuses (ports,
// timeouts, sizes, indexes, loop bounds, field limits, strings, comments, docstrings).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../helpers/analyze';
import { hoverFixtureTests, type Case } from '../helpers/hoverCases';
import { doHover } from '../../server/src/features/hover';


const fixtures: Record<string, Case[]> = {
  'flask_app.py': [
    ["'), 400", 0, 4, '400 Bad Request'],
    ['abort(422)', 0, 6, '422 Unprocessable Content'],
    ['book_id), 201', 0, 10, '201 Created'],
    ['abort(404', 0, 6, '404 Not Found'],
    ['HTTPStatus.NOT_FOUND', 0, 11, '404 Not Found'],
    ["'', 204", 0, 4, '204 No Content'],
    ['status=204', 0, 7, '204 No Content'],
    ['code=301', 0, 5, '301 Moved Permanently'],
    ['errorhandler(500)', 0, 13, '500 Internal Server Error'],
    ["'internal'), 500", 0, 13, '500 Internal Server Error'],
    ['Returns 404', 0, 8, null],
    ['this 404', 0, 5, null],
    ['MAX_TITLE = 255', 0, 12, null],
    ['status=0', 0, 7, null],
    ['limit=50', 0, 6, null],
    ['sleep(500)', 0, 6, null],
    ['range(200)', 0, 6, null],
    ['BOOKS[404]', 0, 6, null],
    ['if 404 in', 0, 3, null],
    ['port=5000', 0, 5, null],
    ['len(BOOKS) + 1', 0, 13, null],
  ],
  'fastapi_app.py': [
    ['status_code=201', 0, 12, '201 Created'],
    ['status_code=409', 0, 12, '409 Conflict'],
    ['{404:', 0, 1, '404 Not Found'],
    ['HTTP_404_NOT_FOUND, detail', 0, 4, '404 Not Found'],
    ['status.HTTP_204_NO_CONTENT', 0, 10, '204 No Content'],
    ['status_code=404', 0, 12, '404 Not Found'],
    ['status_code = 202', 0, 14, '202 Accepted'],
    ['status.HTTP_401_UNAUTHORIZED', 0, 3, '401 Unauthorized'],
    ['status_code=307', 0, 12, '307 Temporary Redirect'],
    ['max_length=64', 0, 11, null],
    ['le=1000', 0, 3, null],
    ['len(ORDERS) + 1', 0, 13, null],
    ['token[:8]', 0, 7, null],
  ],
  'django_views.py': [
    ['status=400', 0, 7, '400 Bad Request'],
    ['status=201', 0, 7, '201 Created'],
    ['HttpResponseNotFound("', 0, 4, '404 Not Found'],
    ['HttpResponseNotAllowed(["GET"])', 0, 8, '405 Method Not Allowed'],
    ['HttpResponseRedirect(f', 0, 12, '302 Found'],
    ['status=204', 0, 7, '204 No Content'],
    ['[:200]', 0, 2, null],
    ['[:50]', 0, 2, null],
    ['update(status=2)', 0, 14, null],
  ],
  'drf_views.py': [
    ['status_code = 402', 0, 14, '402 Payment Required'],
    ['HTTP_400_BAD_REQUEST', 0, 5, '400 Bad Request'],
    ['HTTP_201_CREATED', 0, 5, '201 Created'],
    ['HTTP_409_CONFLICT', 0, 9, '409 Conflict'],
    ['HTTP_204_NO_CONTENT', 0, 0, '204 No Content'],
    ['status=200', 0, 7, '200 OK'],
    ['page_size = 100', 0, 12, null],
  ],
  'aiohttp_app.py': [
    ['status=422', 0, 7, '422 Unprocessable Content'],
    ['web.HTTPConflict', 0, 6, '409 Conflict'],
    ['status=201', 0, 7, '201 Created'],
    ['status=204', 0, 7, '204 No Content'],
    ['HTTPFound', 0, 2, '302 Found'],
    ['sleep(0.5)', 0, 6, null],
    ['1024 * 1024', 0, 1, null],
    ['port=8080', 0, 5, null],
  ],
  'lambda_handler.py': [
    ['"statusCode": 400', 0, 14, '400 Bad Request'],
    ['"statusCode": 200', 0, 14, '200 OK'],
    ['"ttl": 3600', 0, 7, null],
  ],
  'test_api.py': [
    ['status_code == 201', 0, 15, '201 Created'],
    ['status.HTTP_201_CREATED', 0, 8, '201 Created'],
    ['(200, 404)', 0, 1, '200 OK'],
    ['(200, 404)', 0, 6, '404 Not Found'],
    ['HTTPStatus.INTERNAL_SERVER_ERROR', 0, 12, '500 Internal Server Error'],
    ['REQUEST_ENTITY_TOO_LARGE', 0, 3, '413 Content Too Large'],
    ['status_code == 422', 0, 15, '422 Unprocessable Content'],
    ['status_code, 404)', 0, 13, '404 Not Found'],
    ['assertEqual(409', 0, 12, '409 Conflict'],
    ['timeout=30', 0, 8, null],
    ['json()) == 200', 0, 11, null],
    ['[0, 1001]', 0, 4, null],
    ['quantity 422', 0, 9, null],
    ['"/orders/404"', 0, 9, null],
    ['content), 200', 0, 10, null],
  ],
};

hoverFixtureTests('python', fixtures, 'python');

test('a deprecated HTTPStatus alias hovers as its code and names the constant', async () => {
  const { document, model, settings, offset } = await analyze('from http import HTTPStatus\nx = HTTPStatus.UNPROCESSABLE_EN|TITY\n', 'python');
  const value = (doHover(document, model, offset, settings)!.contents as { value: string }).value;
  assert.match(value, /^\*\*422 Unprocessable Content\*\*/);
  assert.match(value, /UNPROCESSABLE_ENTITY/);
});

test('HTTPStatus(404) names a status', async () => {
  const { document, model, settings, offset } = await analyze('from http import HTTPStatus\nphrase = HTTPStatus(4|04).phrase\n', 'python');
  assert.match((doHover(document, model, offset, settings)!.contents as { value: string }).value, /^\*\*404 Not Found\*\*/);
});

test('a number named like a status outside any status context gets no hover', async () => {
  for (const src of ['status = 40|4\n', 'def f(status=20|0):\n    pass\n', 'x = {"status": 40|9}\n', 'if order.status == |3:\n    pass\n']) {
    const { document, model, settings, offset } = await analyze(src, 'python');
    assert.equal(doHover(document, model, offset, settings), null, src);
  }
});
