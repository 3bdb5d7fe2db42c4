// Hover over status codes in Go (net/http, Gin, Echo, Fiber, tests), and no hover on the numbers
// that are not statuses (ports, timeouts, sizes, indexes, loop bounds, strings, comments).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze, offsetOf } from '../helpers/analyze';
import { hoverFixtureTests, type Case } from '../helpers/hoverCases';
import { doHover } from '../../server/src/features/hover';


const fixtures: Record<string, Case[]> = {
  'nethttp.go': [
    ['http.StatusBadRequest', 0, 8, '400 Bad Request'],
    ['required", 422', 0, 12, '422 Unprocessable Content'],
    ['WriteHeader(500', 0, 12, '500 Internal Server Error'],
    ['http.StatusCreated', 0, 5, '201 Created'],
    ['http.NotFound(w, r)', 0, 7, '404 Not Found'],
    ['WriteHeader(503', 0, 12, '503 Service Unavailable'],
    ['StatusNoContent', 0, 3, '204 No Content'],
    ['"/items", 301', 0, 10, '301 Moved Permanently'],
    ['[]byte, 1024', 0, 8, null],
    ['i < 200', 0, 4, null],
    ['500 * time', 0, 0, null],
    ['codes[2]', 0, 6, null],
    ['":8080"', 0, 2, null],
    ['5 * time.Second', 0, 0, null],
    ['on 8080', 0, 3, null],
    ['answering 404', 0, 10, null],
    ['answers 201', 0, 8, null],
  ],
  'gin.go': [
    ['AbortWithStatus(401', 0, 16, '401 Unauthorized'],
    ['http.StatusNoContent', 0, 6, '204 No Content'],
    ['Redirect(301', 0, 9, '301 Moved Permanently'],
    ['http.StatusBadRequest', 0, 6, '400 Bad Request'],
    ['http.StatusOK, gin.H', 0, 6, '200 OK'],
    ['c.JSON(200', 0, 7, '200 OK'],
    ['AbortWithStatusJSON(422', 0, 20, '422 Unprocessable Content'],
    ['c.JSON(409', 0, 7, '409 Conflict'],
    ['http.StatusCreated', 0, 6, '201 Created'],
    ['http.StatusNotFound', 0, 6, '404 Not Found'],
    ['c.String(500', 0, 9, '500 Internal Server Error'],
    ['max=200', 0, 4, null],
    ['"50"', 0, 1, null],
    ['limit > 500', 0, 8, null],
    ['up to 500', 0, 6, null],
  ],
  'echo.go': [
    ['NewHTTPError(http.StatusBadRequest', 0, 20, '400 Bad Request'],
    ['NewHTTPError(409', 0, 13, '409 Conflict'],
    ['c.JSON(404', 0, 7, '404 Not Found'],
    ['NoContent(204', 0, 10, '204 No Content'],
    ['http.StatusMovedPermanently', 0, 6, '301 Moved Permanently'],
    ['10 * time.Second', 0, 0, null],
    ['":1323"', 0, 2, null],
  ],
  'fiber.go': [
    ['fiber.StatusBadRequest', 0, 7, '400 Bad Request'],
    ['c.Status(409)', 0, 9, '409 Conflict'],
    ['fiber.StatusCreated', 0, 7, '201 Created'],
    ['SendStatus(400)', 0, 11, '400 Bad Request'],
    ['fiber.StatusServiceUnavailable', 0, 7, '503 Service Unavailable'],
    ['"/orders", 308', 0, 11, '308 Permanent Redirect'],
    ['4 * 1024', 0, 0, null],
    ['"120"', 0, 1, null],
    ['":3000"', 0, 2, null],
  ],
  'handlers_test.go': [
    ['rr.Code != http.StatusCreated', 0, 16, '201 Created'],
    ['assert.Equal(t, http.StatusCreated', 0, 22, '201 Created'],
    ['require.Equal(t, 409', 0, 18, '409 Conflict'],
    ['StatusCode == 404', 0, 14, '404 Not Found'],
    ['case 200', 0, 5, '200 OK'],
    ['http.StatusNotModified', 0, 6, '304 Not Modified'],
    ['StatusCode: 503', 0, 12, '503 Service Unavailable'],
    ['want 201', 0, 5, null],
    ['Len(t, rr.Body.String(), 31', 0, 25, null],
    ['require.Equal(t, 3', 0, 17, null],
    ['0, 100', 0, 3, null],
    ['i < 250', 0, 4, null],
    ['Equal(t, 250', 0, 9, null],
    ['http.MethodPost', 0, 6, null],
  ],
};

hoverFixtureTests('go', fixtures, 'go');

test('a go-http constant hover names the constant', async () => {
  const { document, model, settings, offset } = await analyze('package main\n\nimport "net/http"\n\nfunc h(w http.ResponseWriter, r *http.Request) {\n\tw.WriteHeader(http.StatusCon|flict)\n}\n', 'go');
  const value = (doHover(document, model, offset, settings)!.contents as { value: string }).value;
  assert.match(value, /^\*\*409 Conflict\*\*/);
  assert.match(value, /StatusConflict/);
});

test('numbers in strings, comments and struct tags never hover', async () => {
  const src = 'package main\n\n// answers 404 when missing\ntype T struct {\n\tN int `json:"n" validate:"max=500"`\n}\n\nvar msg = "status 409"\n';
  const { document, model, settings } = await analyze(src, 'go', 'file:///x/neg.go');
  assert.equal(model.sites.length, 0);
  for (const needle of ['404', '500', '409']) assert.equal(doHover(document, model, offsetOf(src, needle), settings), null);
});
