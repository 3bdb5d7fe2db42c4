// Completion while typing a status: items, ranking by context, the file's vocabulary and its
// import, filtering by number and name, and nothing outside status contexts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CompletionItem, TextEdit } from 'vscode-languageserver';
import { analyze } from '../helpers/analyze';
import { doComplete } from '../../server/src/features/completion';

async function complete(source: string, languageId = 'javascript', tweak?: (s: import('../../server/src/settings').Settings) => void): Promise<{ items: CompletionItem[]; text: string }> {
  const a = await analyze(source, languageId);
  tweak?.(a.settings);
  const items = doComplete(a.ctx, a.offset).sort((x, y) => (x.sortText ?? '').localeCompare(y.sortText ?? ''));
  return { items, text: a.document.getText() };
}

/** Applies an item's main and additional edits to the text, as the editor does. */
function apply(text: string, item: CompletionItem): string {
  const doc = TextDocument.create('file:///x', 'javascript', 1, text);
  const edits: TextEdit[] = [item.textEdit as TextEdit, ...(item.additionalTextEdits ?? [])];
  return TextDocument.applyEdits(doc, edits);
}

const labels = (items: CompletionItem[]) => items.map((i) => i.label);

test('res.status( offers codes labelled "409 Conflict" with summary and hover text', async () => {
  const { items } = await complete("app.get('/x', (req, res) => { res.status(|) });");
  const conflict = items.find((i) => i.label === '409 Conflict');
  assert.ok(conflict, 'offers 409 Conflict');
  assert.ok(conflict.detail && conflict.detail.length > 10, 'one-line summary as detail');
  const doc = conflict.documentation as { kind: string; value: string };
  assert.equal(doc.kind, 'markdown');
  assert.match(doc.value, /\*\*409 Conflict\*\*/);
  assert.equal((conflict.textEdit as TextEdit).newText, '409');
});

test('ranking: POST puts 201 first, DELETE 204, GET 200', async () => {
  const post = await complete("app.post('/orders', async (req, res) => {\n  res.status(|\n});");
  assert.equal(post.items[0].label, '201 Created');
  const del = await complete("router.delete('/orders/:id', (req, res) => { res.status(|) });");
  assert.equal(del.items[0].label, '204 No Content');
  const get = await complete("app.get('/orders', (req, res) => { res.status(|) });");
  assert.equal(get.items[0].label, '200 OK');
  const nest = await complete("class C {\n  @Post()\n  create() {\n    throw new HttpException('x', |);\n  }\n}", 'typescript');
  assert.equal(nest.items[0].label, '201 Created');
});

test('ranking: in a catch the 5xx codes come first; in a not-found check 404; 2xx below them', async () => {
  const c = await complete("app.post('/x', async (req, res) => {\n  try { await save(); } catch (err) {\n    res.status(|\n  }\n});");
  assert.equal(c.items[0].label, '500 Internal Server Error');
  const firstSuccess = c.items.findIndex((i) => String(i.label).startsWith('2'));
  const badRequest = c.items.findIndex((i) => i.label === '400 Bad Request');
  assert.ok(badRequest < firstSuccess, '4xx/5xx rank above 2xx in an error branch');
  const nf = await complete("app.get('/x/:id', async (req, res) => {\n  const item = await find(req.params.id);\n  if (!item) {\n    return res.status(|);\n  }\n});");
  assert.equal(nf.items[0].label, '404 Not Found');
  const input = await complete("app.post('/x', (req, res) => {\n  if (!req.body.name) return res.status(|);\n});");
  assert.match(String(input.items[0].label), /^(400|422) /);
});

test('codes not meant for applications sink to the bottom, or are hidden by the setting', async () => {
  const { items } = await complete("app.get('/x', (req, res) => res.status(|));");
  const at = (label: string) => items.findIndex((i) => i.label === label);
  for (const sunk of ["418 I'm a teapot", '100 Continue', '499 Client Closed Request']) {
    assert.ok(at(sunk) > at('503 Service Unavailable'), `${sunk} sinks below the standard codes`);
    assert.ok(at(sunk) > at('451 Unavailable For Legal Reasons'), `${sunk} sinks below the standard codes`);
  }
  const hidden = await complete("app.get('/x', (req, res) => res.status(|));", 'javascript', (s) => (s.completion.uncommonCodes = 'hide'));
  assert.ok(!labels(hidden.items).includes('100 Continue'));
  assert.ok(!labels(hidden.items).some((l) => String(l).startsWith('499')));
  assert.ok(labels(hidden.items).includes('409 Conflict'));
});

test('filtering by typing: "con" finds 409 Conflict, "42" finds 422 and 429', async () => {
  const con = await complete("app.get('/x', (req, res) => res.status(con|));");
  assert.ok(labels(con.items).includes('409 Conflict'));
  assert.ok(!labels(con.items).includes('404 Not Found'));
  const n = await complete("app.get('/x', (req, res) => res.status(42|));");
  const ls = labels(n.items);
  assert.ok(ls.includes('422 Unprocessable Content') && ls.includes('429 Too Many Requests'));
  assert.ok(!ls.includes('409 Conflict'));
  // The typed partial is replaced, not appended to.
  const item = n.items.find((i) => i.label === '429 Too Many Requests')!;
  assert.equal(apply(n.text, item), "app.get('/x', (req, res) => res.status(429));");
});

test('the file uses StatusCodes: completion inserts the constant', async () => {
  const src = "import { StatusCodes } from 'http-status-codes';\napp.get('/x', (req, res) => res.status(StatusCodes.OK).json({}));\napp.put('/y', (req, res) => res.status(|));";
  const { items, text } = await complete(src, 'typescript');
  const conflict = items.find((i) => i.label === '409 Conflict')!;
  assert.equal((conflict.textEdit as TextEdit).newText, 'StatusCodes.CONFLICT');
  assert.equal(conflict.additionalTextEdits, undefined, 'already imported: no import edit');
  assert.match(apply(text, conflict), /res\.status\(StatusCodes\.CONFLICT\)\);$/);
});

test('style "constant" in a file without the import adds it in the file\'s own style', async () => {
  const esm = "import express from 'express';\nconst app = express();\napp.get('/x', (req, res) => res.status(|));";
  const a = await complete(esm, 'javascript', (s) => (s.completion.style = 'constant'));
  const result = apply(a.text, a.items.find((i) => i.label === '409 Conflict')!);
  assert.equal(result, "import express from 'express';\nimport { StatusCodes } from 'http-status-codes';\nconst app = express();\napp.get('/x', (req, res) => res.status(StatusCodes.CONFLICT));");
  const cjs = "const express = require('express');\nconst app = express();\napp.get('/x', (req, res) => res.status(|));";
  const b = await complete(cjs, 'javascript', (s) => (s.completion.style = 'constant'));
  const result2 = apply(b.text, b.items.find((i) => i.label === '404 Not Found')!);
  assert.equal(result2, "const express = require('express');\nconst { StatusCodes } = require('http-status-codes');\nconst app = express();\napp.get('/x', (req, res) => res.status(StatusCodes.NOT_FOUND));");
});

test('NestJS: HttpStatus joins the existing @nestjs/common import', async () => {
  const src = "import { Controller, Post, HttpException } from '@nestjs/common';\n@Controller()\nexport class C {\n  @Post()\n  make() {\n    throw new HttpException('dup', HttpStatus.BAD_REQUEST);\n  }\n  @Post('b')\n  other() {\n    throw new HttpException('dup', |);\n  }\n}";
  const a = await complete(src, 'typescript');
  const item = a.items.find((i) => i.label === '409 Conflict')!;
  assert.equal((item.textEdit as TextEdit).newText, 'HttpStatus.CONFLICT');
  assert.match(apply(a.text, item), /^import \{ Controller, Post, HttpException, HttpStatus \} from '@nestjs\/common';/);
});

test('style "number" forces numbers even where the file uses constants', async () => {
  const src = "const { StatusCodes } = require('http-status-codes');\nres.status(StatusCodes.OK);\nres.status(|);";
  const a = await complete(src, 'javascript', (s) => (s.completion.style = 'number'));
  assert.equal((a.items.find((i) => i.label === '409 Conflict')!.textEdit as TextEdit).newText, '409');
});

test('other status contexts: reply.code(, ctx.status =, c.json(x, , { status: , .expect(, toBe(', async () => {
  const cases = [
    "fastify.get('/', async (request, reply) => reply.code(|));",
    'app.use(async (ctx) => { ctx.status = | });',
    "app.get('/', (c) => c.json({ a: 1 }, |));",
    'export async function GET() { return NextResponse.json(data, { status: | }); }',
    'export async function GET() { return new Response(null, { status: | }); }',
    "await request(app).get('/').expect(|);",
    'expect(res.status).toBe(|);',
    'expect(res.statusCode).toEqual(|);',
    "res.writeHead(|, { 'Content-Type': 'text/plain' });",
  ];
  for (const c of cases) {
    const { items } = await complete(c);
    assert.ok(items.some((i) => i.label === '409 Conflict'), `completion in: ${c}`);
  }
});

test('no completion outside status contexts', async () => {
  const cases = [
    'app.listen(|);',
    'setTimeout(fn, |);',
    'const port = |;',
    'items[|];',
    'for (let i = 0; i < |; i++) {}',
    "const s = 'res.status(|';",
    '// res.status(|',
    'expect(items.length).toBe(|);',
    'Math.max(|);',
  ];
  for (const c of cases) {
    const { items } = await complete(c);
    assert.equal(items.length, 0, `no completion in: ${c}`);
  }
});

test('a slot that takes only a constant (an enum-typed parameter) never offers a bare number', async () => {
  const a = await analyze('import org.springframework.http.HttpStatus;\nclass C { void f() { throw new ResponseStatusException(|); } }', 'java');
  const slot = { span: { start: a.offset, end: a.offset }, accepts: 'constant' as const, role: 'response' as const, form: 'new ResponseStatusException()' };
  const items = doComplete({ ...a.ctx, slotAt: () => slot }, a.offset);
  const conflict = items.find((i) => i.label === '409 Conflict')!;
  assert.equal((conflict.textEdit as TextEdit).newText, 'HttpStatus.CONFLICT');
  assert.ok(items.every((i) => /^HttpStatus\./.test((i.textEdit as TextEdit).newText)), 'every item is a constant');
  assert.ok(!items.some((i) => String(i.label).startsWith('499')), 'codes Spring has no constant for are left out');
});

test("Ruby: completion writes the names of the file's Rack (before 3.1: :unprocessable_entity)", async () => {
  const old = "class PostsController < ApplicationController\n  def create\n    render json: @post.errors, status: :unprocessable_entity\n  end\n  def update\n    head |\n  end\nend\n";
  const a = await analyze(old, 'ruby');
  const items = doComplete(a.ctx, a.offset);
  const text = (label: string) => (items.find((i) => i.label === label)!.textEdit as TextEdit).newText;
  assert.equal(text('422 Unprocessable Content'), ':unprocessable_entity');
  assert.equal(text('413 Content Too Large'), ':payload_too_large');
  assert.equal(text('409 Conflict'), ':conflict');
  const current = old.replace(':unprocessable_entity', ':unprocessable_content');
  const b = await analyze(current, 'ruby');
  const item = doComplete(b.ctx, b.offset).find((i) => i.label === '422 Unprocessable Content')!;
  assert.equal((item.textEdit as TextEdit).newText, ':unprocessable_content');
});

test('a typed slot writes its own vocabulary even where the file uses another one first', async () => {
  const src = [
    'import jakarta.servlet.http.HttpServletResponse;',
    'import org.springframework.http.HttpStatus;',
    'import org.springframework.web.bind.annotation.*;',
    '@RestController',
    'class C {',
    '  @GetMapping("/a") void a(HttpServletResponse r) { r.setStatus(HttpServletResponse.SC_OK); }',
    '  @PostMapping("/b") @ResponseStatus(|) void b() {}',
    '}',
  ].join('\n');
  const a = await analyze(src, 'java');
  const items = doComplete(a.ctx, a.offset);
  const created = items.find((i) => i.label === '201 Created');
  assert.ok(created, 'offers 201 Created in @ResponseStatus(');
  assert.equal((created.textEdit as TextEdit).newText, 'HttpStatus.CREATED');
  assert.ok(items.every((i) => !(i.textEdit as TextEdit).newText.startsWith('HttpServletResponse.')), 'no servlet ints in an HttpStatus place');
});
