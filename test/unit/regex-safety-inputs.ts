// Inputs for regex-safety.test.ts: one small handler per language with two places for an
// adversarial payload (an `if` condition, and the start of the line where a status is being
// typed), and the payloads themselves, each one long line.

export interface Template {
  key: string;
  languageId: string;
  ext: string;
  /** The source, with `@C@` (a condition) and `@L@` (before the completion slot) to fill. */
  text: string;
  /** What `@C@` becomes when the payload goes elsewhere. */
  condition: string;
  /** The call written right after `@L@`, where completion is asked. */
  slot: string;
  /** A status literal in the source, for hover. */
  site: string;
  /** Payloads tree-sitter takes too long to parse in this language (reported; not our regexes). */
  slowParse?: string[];
  /** Known open cases per place: payload -> why (the test runs them as todo). */
  open?: Partial<Record<'C' | 'L', Record<string, string>>>;
}

export const VOCABULARIES = ['http-status-codes', 'nestjs', 'node-http2', 'python-http', 'starlette', 'drf', 'go-http', 'spring', 'jaxrs', 'servlet', 'aspnet', 'dotnet', 'rack', 'symfony', 'rust-http', 'actix', 'aiohttp', 'mockmvc', 'django'];

export const TEMPLATES: Template[] = [
  {
    key: 'typescript', languageId: 'typescript', ext: 'ts', condition: 'x', slot: 'res.status(', site: '404',
    text: "import express from 'express';\nimport { StatusCodes } from 'http-status-codes';\nconst app = express();\napp.post('/items', (req, res) => {\n  if (@C@) { return res.status(404).json({ error: 'x' }); }\n  @L@res.status(\n});\n",
  },
  {
    key: 'python', languageId: 'python', ext: 'py', condition: 'x', slot: 'abort(', site: '404',
    text: "from flask import Flask, jsonify, abort\nfrom http import HTTPStatus\napp = Flask(__name__)\n@app.route('/items', methods=['POST'])\ndef create():\n    if @C@:\n        return jsonify({'error': 'x'}), 404\n    @L@abort(\n",
  },
  {
    key: 'go', languageId: 'go', ext: 'go', condition: 'x', slot: 'w.WriteHeader(', site: '201',
    text: 'package main\nimport "net/http"\nfunc h(w http.ResponseWriter, r *http.Request) {\n\tif @C@ {\n\t\thttp.Error(w, "x", http.StatusNotFound)\n\t\treturn\n\t}\n\tw.WriteHeader(201)\n\t@L@w.WriteHeader(\n}\n',
  },
  {
    key: 'java', languageId: 'java', ext: 'java', condition: 'x', slot: 'ResponseEntity.status(', site: '404',
    text: 'import org.springframework.http.HttpStatus;\nimport org.springframework.http.ResponseEntity;\n@RestController\nclass C {\n  @PostMapping("/items")\n  ResponseEntity<?> create() {\n    if (@C@) { return ResponseEntity.status(404).body(Map.of("error", "x")); }\n    @L@return ResponseEntity.status(\n  }\n}\n',
  },
  {
    key: 'csharp', languageId: 'csharp', ext: 'cs', condition: 'x', slot: 'StatusCode(', site: '404',
    text: 'using Microsoft.AspNetCore.Mvc;\n[ApiController]\npublic class C : ControllerBase {\n  [HttpPost("/items")]\n  public IActionResult Create() {\n    if (@C@) { return StatusCode(404, new { error = "x" }); }\n    @L@return StatusCode(\n  }\n}\n',
  },
  {
    key: 'ruby', languageId: 'ruby', ext: 'rb', condition: 'x', slot: 'head ', site: '201',
    text: "class ItemsController < ApplicationController\n  def create\n    if @C@\n      render json: { error: 'x' }, status: :not_found\n      return\n    end\n    head 201\n    @L@head \n  end\nend\n",
  },
  {
    key: 'php', languageId: 'php', ext: 'php', condition: '$x', slot: 'abort(', site: '404',
    text: "<?php\nuse Illuminate\\Http\\Response;\nclass C {\n  public function store() {\n    if (@C@) { return response()->json(['error' => 'x'], 404); }\n    @L@abort(\n  }\n}\n",
  },
  {
    key: 'rust', languageId: 'rust', ext: 'rs', condition: 'x', slot: 'StatusCode::', site: 'NOT_FOUND',
    text: 'use axum::http::StatusCode;\nasync fn create() -> impl IntoResponse {\n    if @C@ { return (StatusCode::NOT_FOUND, Json(json!({"error": "x"}))); }\n    @L@(StatusCode::\n}\n',
  },
  {
    key: 'openapi-yaml', languageId: 'yaml', ext: 'yaml', condition: 'x', slot: "'", site: '404',
    text: "openapi: 3.0.0\ninfo: {title: x, version: '1'}\npaths:\n  /items:\n    post:\n      summary: @C@\n      responses:\n        '404':\n          description: x\n        @L@'\n",
  },
  {
    key: 'openapi-json', languageId: 'json', ext: 'json', condition: 'x', slot: '"', site: '404',
    text: '{"openapi": "3.0.0", "info": {"title": "x", "version": "1"},\n "paths": {"/items": {"post": {"summary": "@C@", "responses": {\n   "404": {"description": "x"},\n   @L@"\n}}}}}\n',
  },
  {
    key: 'http', languageId: 'http', ext: 'http', condition: 'x', slot: '?? status == ', site: '404',
    text: 'POST http://localhost/items?q=@C@\nContent-Type: application/json\n\n{"a": 1}\n\nHTTP/1.1 404 Not Found\n@L@?? status == \n',
  },
];

/** Fills one place with the payload and the other with its harmless default. */
export function fill(t: Template, where: 'C' | 'L', payload: string): string {
  return t.text.replace('@C@', where === 'C' ? payload : t.condition).replace('@L@', where === 'L' ? payload : '');
}

/** The adversarial lines, about `n` characters each. */
export function payloads(n: number): Record<string, string> {
  const rep = (s: string, len = n) => s.repeat(Math.max(1, Math.floor(len / s.length)));
  return {
    paren: rep('('),
    closers: rep(')'),
    brackets: rep('['),
    braces: rep('{'),
    angles: rep('<'),
    nested: rep('f(', n / 2) + rep(')', n / 2),
    tripleQuotes: rep("'''"),
    doubleQuotes: rep('"'),
    backticks: rep('`'),
    quoteBackslashes: `"${rep('\\')}`,
    singleQuoteBackslashes: `'${rep('\\')}`,
    // An unclosed string of backslashes right before the cursor, inside any bounded window.
    lateQuoteBackslashes: `${rep(' ', n - 101)}"${'\\'.repeat(100)}`,
    dots: rep('a.'),
    dottedNames: rep('A.A'),
    paths: rep('a::'),
    HttpStatus: rep('HttpStatus '),
    StatusCodes: rep('StatusCodes '),
    spaces: `${rep(' ')}x`,
    // A negated name, then a run of spaces before more: `\s*\)?\s*$` after the name backtracked.
    spacedNegation: `!x${rep(' ', n - 3)}y`,
    tabs: `${rep('\t')}x`,
    digits: rep('0'),
    blankLines: rep('\n'),
    crlf: rep('\r\n'),
    imports: rep('import '),
    usings: rep('using '),
    requires: rep('require('),
    expects: rep('expect('),
    statusCalls: rep('res.status('),
    equals: rep('=='),
    slashes: rep('/'),
    negations: rep('!x.exists'),
    nots: rep('not '),
    hashes: rep('#'),
    arrows: rep('$a->'),
    commentEnds: rep('*/'),
    htmlCommentEnds: rep('-->'),
    words: rep('abc '),
    capitals: rep('A'),
    statusLines: rep('HTTP/1.1 '),
    mixed: rep('a(b[c{d"e\'f`g\\h'),
  };
}

/**
 * Deeply nested JavaScript, about `depth` levels (a run of 2,000 blocks is ordinary in generated
 * code, and an editor shows half-typed versions of it). Every status below sits at the bottom of
 * a nest or at every level of one: a walk up from each to its call, branch and function that
 * reads `node.parent` (a search down from the root in this tree-sitter) is quadratic there.
 */
export function deepJavaScript(depth: number): Record<string, string> {
  const head = "import express from 'express';\nconst app = express();\n";
  const route = (body: string) => `${head}app.post('/items', (req, res) => {\n${body}\n});\n`;
  const r = (s: string, n = depth) => s.repeat(n);
  return {
    // A status at every level of nested `if` blocks, each under its own condition.
    ifBlocks: route(r("if (!req.body) { res.status(404).json({ error: 'missing' });\n") + r('}\n')),
    // Bare blocks with the status at the bottom.
    blocks: route(`${r('{ ')}res.status(404).json({ error: 'missing' });${r(' }')}`),
    // A status in every one of nested arrow functions (each function's uses of `res` include the deeper ones).
    arrows: route(r('const f = () => { res.status(201).send();\n') + r('};\n')),
    // A status at every level of nested blocks and one body after them all (is each reached?).
    statusThenBody: route(r('if (req.body) { res.status(400);\n') + r('}\n') + 'res.json({ ok: true });'),
    // Curried arrow functions around the handler.
    curried: `${head}app.post('/items', ${r('(a) => ')}(req, res) => res.status(404).end());\n`,
    // A condition of 50,000 negations.
    nots: route(`  if (${r('!', 25 * depth)}x) { return res.status(404).json({ error: 'missing' }); }`),
    // Nested arrays as a body, and around a status.
    arrays: route(`  res.status(400).json(${r('[')}1${r(']')});\n  res.status(${r('[')}404${r(']')});`),
    // A chain of 20,000 header calls on one response.
    chain: route(`  res.status(201)${r(".set('x-a', 'b')", 10 * depth)}.json({ ok: true });`),
    // A 20,000-long call chain as a body.
    callChain: route(`  res.status(200).json(items${r('.map(f)', 10 * depth)});`),
  };
}
