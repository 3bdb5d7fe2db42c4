// The Ruby adapter's model: sites (codes, roles, kinds, Rack symbols), handlers and their
// methods, response facts (bodies, headers, helpers, branches), edits that leave valid Ruby,
// completion slots on half-typed code, and import edits. Parsed with the real grammar.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DocumentStore } from '../../server/src/documents';
import { rubyAdapter } from '../../server/src/languages/ruby/adapter';
import { RACK_BEFORE_3_1 } from '../../server/src/languages/ruby/responses';
import { lookupConstant } from '../../server/src/data';
import type { AdapterInput } from '../../server/src/languages/adapter';
import type { DocumentModel, OffsetEdit, ResponseFacts } from '../../server/src/model';
import { applyEdits as apply, responseAround as responseAt } from '../helpers/modelEdits';

const store = new DocumentStore();
let n = 0;

async function parse(text: string): Promise<{ input: AdapterInput; model: DocumentModel; hasError: boolean }> {
  const entry = store.open(`file:///model/t${n++}.rb`, 'ruby', 1, text);
  await store.ensureParsed(entry);
  const input: AdapterInput = { uri: entry.doc.uri, languageId: 'ruby', text, tree: entry.tree };
  return { input, model: rubyAdapter.extract(input), hasError: !!entry.tree?.rootNode.hasError };
}

/** Applies the edits and checks the result still parses. */
async function edited(text: string, edits: OffsetEdit[] | undefined): Promise<string> {
  const out = apply(text, edits);
  assert.equal((await parse(out)).hasError, false, `edited code should parse:\n${out}`);
  return out;
}

/** The slot at the `|` marker. */
async function slot(source: string) {
  const offset = source.indexOf('|');
  const text = source.slice(0, offset) + source.slice(offset + 1);
  const { input } = await parse(text);
  return { slot: rubyAdapter.slotAt!(input, offset), text };
}

const controller = `class OrdersController < ApplicationController
  rescue_from ActiveRecord::RecordNotFound, with: :not_found

  def index
    render json: Order.where(status: :created).limit(50)
  end

  def create
    @order = Order.new(order_params)
    if @order.save
      render json: @order, status: :created, location: @order
    else
      render json: @order.errors, status: :unprocessable_entity
    end
  end

  def update
    head :conflict unless @order
  end

  def destroy
    @order.destroy
    head :no_content
  end

  def pay
    response.headers['Retry-After'] = '30'
    head :too_many_requests
  rescue Payment::Error => e
    render json: { error: e.message, trace: e.backtrace }, status: 502
  end

  private

  def not_found(exception)
    render json: { error: exception.message }, status: :not_found
  end
end
`;

test('Rails: symbol and number sites, controller actions by convention, private methods are not actions', async () => {
  const { model } = await parse(controller);
  assert.deepEqual(
    model.sites.map((s) => [s.code, s.kind, s.role, s.name]),
    [[201, 'symbol', 'response', 'created'], [422, 'symbol', 'response', 'unprocessable_entity'], [409, 'symbol', 'response', 'conflict'], [204, 'symbol', 'response', 'no_content'], [429, 'symbol', 'response', 'too_many_requests'], [502, 'number', 'response', undefined], [404, 'symbol', 'response', 'not_found']],
  );
  assert.ok(model.sites.every((s) => s.kind !== 'symbol' || s.vocabulary === 'rack'));
  const created = model.sites[0];
  assert.equal(controller.slice(created.span.start, created.span.end), ':created', 'the span covers the whole symbol');
  assert.deepEqual(model.handlers.map((h) => [h.method, h.route]), [['GET', '/orders'], ['POST', '/orders'], ['PATCH', '/orders/:id'], ['DELETE', '/orders/:id'], [undefined, '/orders/pay']]);
  assert.deepEqual(model.handlers[2].routeMethods?.sort(), ['DELETE', 'PATCH', 'PUT']);
  assert.ok(model.handlers[1].calls.includes('save'));
  // The controller writes :unprocessable_entity (Rack before 3.1), so completion writes those names too.
  assert.deepEqual(model.vocabularies, [{ vocabulary: 'rack', form: ':NAME', imported: true, names: { 413: 'payload_too_large', 422: 'unprocessable_entity' } }]);
});

test('Rails: headers, bodies, branches and the implicit 200', async () => {
  const { model } = await parse(controller);
  const created = responseAt(model, controller, 'status: :created, location');
  assert.deepEqual(created.headers.map((h) => h.name), ['location']);
  assert.equal(model.handlers[created.handler!].method, 'POST');
  assert.equal(responseAt(model, controller, 'status: :unprocessable_entity').branch?.kind, 'validation-error');
  assert.match(responseAt(model, controller, '@order.errors').body?.errorShape?.reason ?? '', /validation errors/);
  assert.equal(responseAt(model, controller, 'head :conflict').branch?.kind, 'not-found');
  assert.deepEqual(responseAt(model, controller, 'head :too_many_requests').headers.map((h) => h.name), ['retry-after']);
  const failed = responseAt(model, controller, 'status: 502');
  assert.deepEqual([failed.branch?.kind, failed.branch?.errorName], ['catch', 'e']);
  assert.ok(failed.body?.rawErrorMessage, 'e.message is the raw message');
  assert.match(failed.body?.leak?.what ?? '', /backtrace/);
  const rescued = responseAt(model, controller, 'status: :not_found');
  assert.deepEqual([rescued.branch?.kind, rescued.branch?.errorName], ['catch', 'exception'], 'a rescue_from handler answers a caught error');
  const list = responseAt(model, controller, 'render json: Order');
  assert.equal(list.implicitStatus, 200);
  assert.equal(list.site, undefined);
});

test('Rails: edits keep symbols symbols and numbers numbers, and stay valid Ruby', async () => {
  const { model } = await parse(controller);
  const r = (needle: string) => responseAt(model, controller, needle);
  assert.match(await edited(controller, r('head :conflict').edits.setStatus?.(410)), /head :gone unless @order/);
  assert.match(await edited(controller, r('status: 502').edits.setStatus?.(503)), /status: 503\n/);
  assert.match(await edited(controller, r('render json: Order').edits.setStatus?.(206)), /limit\(50\), status: :partial_content\n/);
  assert.match(await edited(controller, r('head :too_many_requests').edits.addHeader?.('Retry-After', '60')), /head :too_many_requests, retry_after: '60'\n/);
  assert.match(await edited(controller, r('head :no_content').edits.addHeader?.('X-Trace', 'a')), /head :no_content, x_trace: 'a'\n/);
  assert.match(
    await edited(controller, r('status: :not_found').edits.addHeader?.('Cache-Control', 'no-store')),
    /    response\.headers\['Cache-Control'\] = 'no-store'\n    render json: \{ error: exception\.message \}/,
  );
  const created = r('status: :created, location');
  assert.match(await edited(controller, created.edits.dropBody?.()), /      head :created, location: @order\n/);
  assert.match(await edited(controller, r('status: :unprocessable_entity').edits.replaceBody?.('{ errors: @order.errors.full_messages }')), /render json: \{ errors: @order\.errors\.full_messages \}, status: :unprocessable_entity/);
  assert.equal(r('head :conflict').edits.addHeader?.('Retry-After', '1')?.[0].newText, ", retry_after: '1'");
  // The file writes Rack's pre-3.1 :unprocessable_entity, so a new 422 follows it.
  assert.match(apply(controller, r('head :conflict').edits.setStatus?.(422)), /head :unprocessable_entity unless @order/);
  assert.match(apply(controller, r('head :conflict').edits.setStatus?.(413)), /head :payload_too_large unless @order/);
  // 414 and 416 are written the same way from Rack 2.0 on; their other old names are Rack 1's.
  assert.match(apply(controller, r('head :conflict').edits.setStatus?.(414)), /head :uri_too_long unless @order/);
  assert.match(apply(controller, r('head :conflict').edits.setStatus?.(416)), /head :range_not_satisfiable unless @order/);
});

test('the pre-3.1 Rack names the adapter writes are the data\'s old names for those codes', () => {
  for (const [code, name] of Object.entries(RACK_BEFORE_3_1)) {
    const hit = lookupConstant('rack', name);
    assert.deepEqual([hit?.code, hit?.deprecated], [Number(code), true], name);
  }
});

test('Rails: a file on current Rack names gets the Rack 3.1 symbol; one without symbols gets numbers', async () => {
  const current = `class AController < ApplicationController\n  def create\n    head :conflict\n  end\nend\n`;
  let { model } = await parse(current);
  assert.match(apply(current, model.responses[0].edits.setStatus?.(422)), /head :unprocessable_content/);
  const numbers = `class AController < ApplicationController\n  def create\n    head 409\n    render json: { ok: true }\n  end\nend\n`;
  ({ model } = await parse(numbers));
  assert.match(apply(numbers, model.responses[1].edits.setStatus?.(201)), /render json: \{ ok: true \}, status: 201/);
});

test('Rails: redacting a leak logs the exception and keeps the JSON shape; head has no body', async () => {
  const { model } = await parse(controller);
  const failed = responseAt(model, controller, 'status: 502');
  assert.match(
    await edited(controller, failed.edits.redactBody?.('Bad Gateway')),
    /  rescue Payment::Error => e\n    logger\.error\(e\.full_message\)\n    render json: \{ error: 'Bad Gateway' \}, status: 502\n/,
  );
  assert.equal(responseAt(model, controller, 'head :no_content').noBody, true);
  assert.equal(responseAt(model, controller, 'status: 502').noBody, undefined);
  assert.deepEqual(model.frameworks, ['rails']);
});

test('headers set from a variable make the header list open-ended', async () => {
  const text = `post '/x' do
  halt 401, auth_headers, 'login first'
end

get '/y' do
  response.headers.merge!(CORS)
  status 429
end

get '/z' do
  headers 'Retry-After' => '1'
  status 429
end
`;
  const { model } = await parse(text);
  assert.equal(responseAt(model, text, 'halt 401').headersUnknown, true);
  assert.equal(responseAt(model, text, 'status 429').headersUnknown, true);
  const z = model.responses[model.responses.length - 1];
  assert.deepEqual([z.headersUnknown, z.headers.map((h) => h.name)], [undefined, ['retry-after']]);
  assert.deepEqual(model.frameworks, []);
});

test('Rails: a header cannot be added before a statement under a modifier', async () => {
  const text = `class UsersController < ApplicationController\n  def show\n    render json: { error: 'gone' }, status: :gone if @user.nil?\n  end\nend\n`;
  const { model } = await parse(text);
  assert.equal(model.responses[0].edits.addHeader?.('X-A', 'b'), undefined);
  assert.equal(model.responses[0].branch?.kind, 'not-found');
});

test('numbers and symbols outside status contexts are not sites', async () => {
  const text = `class Post < ApplicationRecord
  enum status: { created: 0, conflict: 1 }
  validates :title, length: { maximum: 255 }
  scope :fresh, -> { where(status: :created).limit(500) }
  def label
    case status.to_sym
    when :created then 'new'
    end
    sleep 5
    200.times { |i| i }
    (1..200).each { |i| i }
    items[404]
    set :port, 4567
    "status 500 #{409}"
    # head :conflict, status 500
    status 1
    halt 0
  end
end
`;
  const { model } = await parse(text);
  assert.deepEqual(model.sites, []);
  assert.deepEqual(model.responses, []);
  assert.equal(model.comments.length, 1);
});

const sinatra = `require 'sinatra'

post '/books' do
  halt 401, { 'WWW-Authenticate' => 'Bearer' }, 'login first' unless authorized?
  halt 422, 'title missing' unless params[:title]
  book = Book.create(params)
  status 201
  headers 'Location' => "/books/#{book.id}"
  book.to_json
end

get '/books' do
  redirect to('/library'), 303
end

delete '/books/:id' do
  status 200
  { error: 'not allowed' }.to_json
end

Ping = ->(env) { [204, { 'x-a' => 'b' }, ['pong']] }
`;

test('Sinatra and Rack: route blocks, halt with headers and body, status with a later body, Rack triples', async () => {
  const { model } = await parse(sinatra);
  assert.deepEqual(model.sites.map((s) => [s.code, s.form]), [[401, 'halt'], [422, 'halt'], [201, 'status'], [303, 'redirect'], [200, 'status'], [204, 'Rack response']]);
  assert.deepEqual(model.handlers.map((h) => [h.method, h.route]), [['POST', '/books'], ['GET', '/books'], ['DELETE', '/books/:id']]);
  assert.deepEqual(model.handlers[0].routeMethods?.sort(), ['GET', 'POST']);
  const unauthorized = responseAt(model, sinatra, 'halt 401');
  assert.deepEqual(unauthorized.headers.map((h) => h.name), ['www-authenticate']);
  assert.equal(unauthorized.branch?.kind, 'auth-check');
  assert.equal(responseAt(model, sinatra, 'halt 422').branch?.kind, 'input-check');
  assert.deepEqual(responseAt(model, sinatra, 'status 201').headers.map((h) => h.name), ['location']);
  assert.equal(responseAt(model, sinatra, "redirect to('/library')").helper, 'redirect');
  assert.match(responseAt(model, sinatra, 'status 200').body?.errorShape?.reason ?? '', /"error"/);
  const triple = responseAt(model, sinatra, '[204,');
  assert.deepEqual(triple.headers.map((h) => h.name), ['x-a']);
  assert.match(await edited(sinatra, triple.edits.dropBody?.()), /\[204, \{ 'x-a' => 'b' \}, \[\]\]/);
  assert.match(await edited(sinatra, triple.edits.addHeader?.('Cache-Control', 'no-store')), /'x-a' => 'b', 'cache-control' => 'no-store' \}/);
  assert.match(await edited(sinatra, responseAt(model, sinatra, 'halt 422').edits.addHeader?.('X-A', 'b')), /halt 422, \{ 'X-A' => 'b' \}, 'title missing'/);
  assert.match(await edited(sinatra, unauthorized.edits.dropBody?.()), /halt 401, \{ 'WWW-Authenticate' => 'Bearer' \}, '' unless/);
  assert.match(await edited(sinatra, responseAt(model, sinatra, 'halt 422').edits.dropBody?.()), /halt 422 unless params/);
  assert.equal(triple.noBody, undefined);
  assert.deepEqual(model.frameworks, ['sinatra', 'rack']);
});

test('respond_with: the location option is the Location header', async () => {
  const text = `class PostsController < ApplicationController\n  respond_to :json\n  def create\n    respond_with @post, status: :created, location: @post\n  end\nend\n`;
  const { model } = await parse(text);
  assert.deepEqual(model.responses.map((r) => [model.sites[r.site!].code, r.headers.map((h) => h.name)]), [[201, ['location']]]);
});

test('routes.rb: redirect with a status is a redirect response', async () => {
  const text = `Rails.application.routes.draw do\n  get '/old', to: redirect('/new', status: 301)\n  resources :posts, only: %i[index show]\nend\n`;
  const { model } = await parse(text);
  assert.deepEqual(model.sites.map((s) => [s.code, s.form]), [[301, 'redirect status:']]);
  assert.equal(model.responses[0].helper, 'redirect');
});

test('tests: Minitest and RSpec assertions, string codes, comparisons', async () => {
  const text = `assert_response :created
assert_equal 201, response.status
expect(response).to have_http_status(:conflict)
expect(last_response.status).to eq 404
expect(response.code).to eq '204'
ok = response.status == 200
case last_response.status
when 301 then follow
end
expect(user.status).to eq(2)
`;
  const { model } = await parse(text);
  assert.deepEqual(model.sites.map((s) => [s.code, s.kind, s.role]), [
    [201, 'symbol', 'assertion'], [201, 'number', 'assertion'], [409, 'symbol', 'assertion'], [404, 'number', 'assertion'],
    [204, 'string', 'assertion'], [200, 'number', 'comparison'], [301, 'number', 'comparison'],
  ]);
  assert.deepEqual(model.responses, []);
});

test('slotAt: half-typed Rails, Sinatra and test calls', async () => {
  const inCreate = (line: string) => `class PostsController < ApplicationController\n  def create\n    ${line}\n  end\nend\n`;
  let s = await slot(inCreate('render json: @post, status: |'));
  assert.deepEqual([s.slot?.accepts, s.slot?.role, s.slot?.form, s.slot?.method], ['symbol', 'response', 'render status:', 'POST']);
  s = await slot(inCreate('head :no|'));
  assert.equal(s.slot?.accepts, 'symbol');
  assert.equal(s.text.slice(s.slot!.span.start, s.slot!.span.end), ':no', 'the span covers the partial symbol with its colon');
  s = await slot(inCreate('head 4|'));
  assert.deepEqual([s.slot?.accepts, s.text.slice(s.slot!.span.start, s.slot!.span.end)], ['number', '4']);
  s = await slot(`class PostsController < ApplicationController\n  def destroy\n    Post.find(params[:id]).destroy!\n  rescue => e\n    render json: { error: e.message },\n           status: |\n  end\nend\n`);
  assert.deepEqual([s.slot?.method, s.slot?.branch], ['DELETE', 'catch']);
  s = await slot(`post '/x' do\n  halt |\nend\n`);
  assert.deepEqual([s.slot?.accepts, s.slot?.form, s.slot?.method], ['number', 'halt', 'POST']);
  s = await slot(`get '/x' do\n  status |\nend\n`);
  assert.equal(s.slot?.form, 'status');
  assert.equal((await slot('assert_response |')).slot?.role, 'assertion');
  assert.equal((await slot('expect(response).to have_http_status(|')).slot?.accepts, 'symbol');
  assert.equal((await slot('expect(response.status).to eq(|')).slot?.accepts, 'number');
  assert.equal((await slot('response.status = |')).slot?.role, 'response');
  assert.equal((await slot('render(json: @post, status: |')).slot?.form, 'render status:');
  for (const none of ['sleep |', 'Post.where(status: |', 'render json: Post.where(status: |', 'x = "render status: |"', '# head |', 'items[|', 'validates :title, length: { maximum: |']) {
    assert.equal((await slot(none)).slot, undefined, `no slot in: ${none}`);
  }
});

test('importEdit: Rack symbols need no import; broken code never throws', async () => {
  const { input } = await parse('head :ok');
  assert.equal(rubyAdapter.importEdit?.(input, 'rack'), undefined);
  for (const broken of ['render json: x, status:', 'head(', 'def create\n  render json: {', 'halt 401, {', '[409, {', 'post "/x" do\n status 4']) {
    const { input: i } = await parse(broken);
    assert.doesNotThrow(() => rubyAdapter.extract(i));
    assert.doesNotThrow(() => rubyAdapter.slotAt!(i, broken.length));
  }
});
