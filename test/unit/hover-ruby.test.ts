// Hover over status codes in Ruby (Rails, Sinatra, Rack, Minitest, RSpec), and no hover on the
// numbers and symbols that are not statuses (limits, lengths, enums, sleeps, ports, strings, comments).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../helpers/analyze';
import { hoverFixtureTests, type Case } from '../helpers/hoverCases';
import { doHover } from '../../server/src/features/hover';


const fixtures: Record<string, Case[]> = {
  'posts_controller.rb': [
    ['status: :conflict', 0, 10, '409 Conflict'],
    ['status: :created', 0, 9, '201 Created'],
    ['head :no_content', 0, 6, '204 No Content'],
    ['head :not_modified', 0, 7, '304 Not Modified'],
    ['head :unauthorized', 0, 5, '401 Unauthorized'],
    ['head 202', 0, 5, '202 Accepted'],
    ['status: 422', 0, 8, '422 Unprocessable Content'],
    [':unprocessable_entity', 0, 3, '422 Unprocessable Content'],
    ['status: :moved_permanently', 0, 12, '301 Moved Permanently'],
    ['head :created, location', 0, 7, '201 Created'],
    ['status: :too_many_requests', 0, 9, '429 Too Many Requests'],
    ['status: 500', 0, 9, '500 Internal Server Error'],
    ['status: :not_found', 0, 10, '404 Not Found'],
    ['limit(500)', 0, 7, null],
    ['sleep 5', 0, 6, null],
    ['PER_PAGE = 25', 0, 11, null],
    ['created_at: :desc', 0, 14, null],
    ['Showing 200', 0, 9, null],
    ['status 500 is', 0, 8, null],
    ['-> 201 with', 0, 4, null],
  ],
  'post.rb': [
    ['created: 0', 0, 10, null],
    ['conflict: 2', 0, 10, null],
    ['maximum: 255', 0, 10, null],
    ['10_000', 0, 2, null],
    ['where(state: :created)', 0, 15, null],
    ['when :created', 0, 7, null],
    ['when :conflict', 0, 7, null],
    ['[0, 200]', 0, 5, null],
    ['200.times', 0, 1, null],
    ['(1..200)', 0, 5, null],
    ['items[404]', 0, 7, null],
  ],
  'posts_test.rb': [
    ['assert_response :created', 0, 18, '201 Created'],
    ['assert_equal 201', 0, 14, '201 Created'],
    ['assert_response 409', 0, 17, '409 Conflict'],
    ['assert_response :no_content', 0, 18, '204 No Content'],
    ["'204', response.code", 0, 2, '204 No Content'],
    ['assert_equal 3', 0, 13, null],
  ],
  'posts_spec.rb': [
    ['have_http_status(:created)', 0, 19, '201 Created'],
    ['eq(201)', 0, 4, '201 Created'],
    ['have_http_status(:unprocessable_entity)', 0, 20, '422 Unprocessable Content'],
    ['have_http_status 422', 0, 18, '422 Unprocessable Content'],
    ['eq 200', 0, 4, '200 OK'],
    ["eq '404'", 0, 5, '404 Not Found'],
    ['eq(404)', 0, 4, null],
    ['eq(3)', 0, 3, null],
    ['> 100', 0, 3, null],
    ["'x' * 20", 0, 7, null],
  ],
  'app.rb': [
    ['halt(400', 0, 6, '400 Bad Request'],
    ['halt 422', 0, 6, '422 Unprocessable Content'],
    ['status 201', 0, 8, '201 Created'],
    ['halt 401', 0, 6, '401 Unauthorized'],
    ['[204, {}, []]', 0, 2, '204 No Content'],
    ["'/books'), 301", 0, 12, '301 Moved Permanently'],
    ['status 409', 0, 8, '409 Conflict'],
    ["[200, { 'content-type'", 0, 1, '200 OK'],
    ['set :port, 4567', 0, 12, null],
    ['TIMEOUT = 30', 0, 10, null],
    ['limit(500)', 0, 7, null],
    ['error 404', 0, 7, null],
    ['status 500 would', 0, 8, null],
    ['sleep 5', 0, 6, null],
  ],
};

hoverFixtureTests('ruby', fixtures, 'ruby');

test('a deprecated Rack symbol still explains its code and names the current symbol', async () => {
  const { document, model, settings, offset } = await analyze('render json: x, status: :unprocessable_en|tity', 'ruby');
  const value = (doHover(document, model, offset, settings)!.contents as { value: string }).value;
  assert.match(value, /^\*\*422 Unprocessable Content\*\*/);
  assert.match(value, /unprocessable_content/);
});
