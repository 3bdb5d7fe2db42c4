// Hover on range keys and completion of response keys in OpenAPI documents.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextEdit } from 'vscode-languageserver';
import { analyze } from '../helpers/analyze';
import { doHover } from '../../server/src/features/hover';
import { doComplete } from '../../server/src/features/completion';

const yaml = (responses: string) => `openapi: 3.0.3
info:
  title: Shop
  version: '1'
paths:
  /orders:
    post:
      responses:
${responses}`;

test('a 4XX range key hovers as the whole class, not as 400', async () => {
  const src = yaml("        '201':\n          description: created\n        4XX:\n          description: client errors\n");
  const a = await analyze(src, 'yaml', 'file:///range.yaml');
  const h = doHover(a.document, a.model, src.indexOf('4XX') + 1, a.settings);
  const v = (h!.contents as { value: string }).value;
  assert.match(v, /^\*\*4XX\*\* · any client error code/);
  assert.doesNotMatch(v, /Bad Request/);
  const h201 = doHover(a.document, a.model, src.indexOf("'201'") + 2, a.settings);
  assert.match((h201!.contents as { value: string }).value, /^\*\*201 Created\*\*/);
});

test('completing a response key finishes it in YAML and JSON', async () => {
  const src = yaml("        '200':\n          description: ok\n        |");
  const a = await analyze(src, 'yaml');
  const items = doComplete(a.ctx, a.offset);
  const created = items.find((i) => i.label === '201 Created');
  assert.ok(created, 'offers 201 Created under responses:');
  const out = TextDocument.applyEdits(a.document, [created.textEdit as TextEdit]);
  assert.ok(out.endsWith("        '201':"), out.slice(-40));

  const quoted = yaml("        '200':\n          description: ok\n        '4|");
  const b = await analyze(quoted, 'yaml');
  const conflict = doComplete(b.ctx, b.offset).find((i) => i.label === '409 Conflict')!;
  assert.ok(TextDocument.applyEdits(b.document, [conflict.textEdit as TextEdit]).endsWith("        '409':"));

  const json = '{ "openapi": "3.0.3", "info": { "title": "x", "version": "1" }, "paths": { "/a": { "get": { "responses": { | } } } } }';
  const c = await analyze(json, 'json');
  const ok = doComplete(c.ctx, c.offset).find((i) => i.label === '200 OK');
  assert.ok(ok, 'offers 200 OK in JSON responses');
  const jsonOut = TextDocument.applyEdits(c.document, [ok.textEdit as TextEdit]);
  assert.match(jsonOut, /"responses": \{ "200": +\}/);
});
