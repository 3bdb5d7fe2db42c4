// The JavaScript adapter reads some facts from the text instead of the tree (a member's name, a
// pair's key, an empty value, a receiver's uses, a child that starts with its parent): these
// are the shapes where the text could mislead (comments and escapes in between, a receiver
// named like a keyword), and the facts a user sees are checked. Each file is also analysed with
// a syntax error in a statement after it, where the fields that a child's position tells in a
// file without errors are asked of the tree: the facts must be the same.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { javascriptAdapter } from '../../server/src/languages/javascript/adapter';
import { initRuntime, loadLanguage, parserFor } from '../../server/src/parsing/treeSitter';
import type { DocumentModel } from '../../server/src/model';

async function extract(text: string): Promise<{ model: DocumentModel; hasError: boolean }> {
  await initRuntime();
  const tree = parserFor('javascript', await loadLanguage('javascript')).parse(text)!;
  try {
    return { model: javascriptAdapter.extract({ uri: 'file:///t/app.js', languageId: 'javascript', text, tree }), hasError: tree.rootNode.hasError };
  } finally {
    tree.delete();
  }
}

/** The facts as data (edits are functions; the handler index and spans are compared too). */
function facts(model: DocumentModel): unknown {
  return JSON.parse(JSON.stringify({ sites: model.sites, responses: model.responses, handlers: model.handlers }, (k, v) => (typeof v === 'function' ? 'edit' : v)));
}

async function both(text: string): Promise<DocumentModel> {
  const clean = await extract(text);
  assert.equal(clean.hasError, false, 'the file parses without errors');
  const broken = await extract(`${text}\nconst broken = ;\n`);
  assert.equal(broken.hasError, true, 'the second file has an error');
  assert.deepEqual(facts(broken.model), facts(clean.model), 'the same facts read from the text and from the tree');
  return clean.model;
}

function siteOf(model: DocumentModel, text: string, needle: string) {
  const at = text.indexOf(needle);
  assert.ok(at >= 0, `"${needle}" is in the source`);
  const site = model.sites.find((s) => s.span.start === at);
  assert.ok(site, `a status at "${needle}"`);
  return { site, response: site.response === undefined ? undefined : model.responses[site.response] };
}

test('a comment or spaces between a receiver and its method: the call is still res.status()', async () => {
  const text = `app.get('/a', (req, res) => {
  if (!req.query.id) return res /* why */ . status(400).json({ error: 'missing id' });
  res
    // chained on the next line
    .status(409)
    .json({ error: 'conflict' });
});
`;
  const model = await both(text);
  for (const needle of ['400', '409']) {
    const { site, response } = siteOf(model, text, needle);
    assert.equal(site.role, 'response');
    assert.equal(site.form, 'res.status()');
    assert.ok(response?.body?.errorShape, `the ${needle} body is an error report`);
  }
});

test('an empty error value is no error report; a text "0" is one', async () => {
  const text = `app.get('/b', (req, res) => {
  if (req.query.a) return res.status(200).json({ error: '' });
  if (req.query.b) return res.status(201).json({ error: \`\` });
  if (req.query.c) return res.status(202).json({ error: undefined });
  if (req.query.d) return res.status(203).json({ error: 0 });
  res.status(204).json({ error: '0' });
});
`;
  const model = await both(text);
  for (const needle of ['200', '201', '202', '203']) assert.equal(siteOf(model, text, needle).response?.body?.errorShape, undefined, `${needle}: no error report`);
  assert.ok(siteOf(model, text, '204').response?.body?.errorShape, '204: the text "0" is an error');
});

test('keys in quotes or with a comment before the colon still make a Lambda result', async () => {
  const text = `exports.a = async () => ({ statusCode: 404, body /* c */ : 'gone' });
exports.b = async () => ({ 'statusCode': 410, "body": 'x' });
exports.c = async () => ({ 'status\\'Code': 411, body: 'x' });
`;
  const model = await both(text);
  assert.equal(siteOf(model, text, '404').site.role, 'response');
  assert.equal(siteOf(model, text, '410').site.role, 'response');
  assert.equal(model.sites.find((s) => s.code === 411), undefined, 'another key is no status');
});

test('a comment between a status key and its colon: still a status', async () => {
  const text = `exports.a = async () => ({ statusCode /* gone for good */ : 410, body: 'x' });
export function DELETE() { return new Response(null, { status // nothing to send
  : 204 }); }
exports.c = async () => ({ 'statusCode' /* quoted */ : 404, body: 'x' });
exports.d = async () => ({ retries /* status */ : 3, body: 'x' });
`;
  const model = await both(text);
  assert.equal(siteOf(model, text, '410').site.role, 'response');
  assert.equal(siteOf(model, text, '204').site.role, 'response');
  assert.equal(siteOf(model, text, '404').site.role, 'response');
  assert.equal(model.sites.find((s) => s.code === 3), undefined, 'a key that is no status, with status in its comment');
});

test('a response object named like a keyword: its headers are found on it', async () => {
  const text = `app.get('/c', function (req, async) {
  async.set('Retry-After', '5');
  async.status(503).end();
});
app.get('/d', (req, res) => {
  res.set('Allow', 'GET').status(405).send();
});
`;
  const model = await both(text);
  assert.deepEqual(siteOf(model, text, '503').response?.headers.map((h) => h.name), ['retry-after']);
  assert.deepEqual(siteOf(model, text, '405').response?.headers.map((h) => h.name), ['allow']);
});
