// Inputs for nesting-safety.test.ts: deeply nested code per language. web-tree-sitter computes
// `node.parent` by descending from the root, so an adapter that climbs from every node to its
// call, statement or function pays the depth for each step and the depth again for each node:
// quadratic (or cubic) in the nesting. Each input is one handler with a status at the deepest
// point (or the nesting in a condition before it) and a place where completion is asked.
// JavaScript and TypeScript are covered by their own adapter's tests (another rework).

export interface NestTemplate {
  key: string;
  languageId: string;
  ext: string;
  /** The source with `@E@` where a nested expression goes. */
  text: string;
  /** A status literal in the source, for hover. */
  site: string;
  /** Nested expressions in this language: name -> [opening, innermost, closing] per level. */
  nests: Record<string, [open: string, inner: string, close: string]>;
  /** The whole source with the response nested `depth` blocks deep; `§` marks the completion slot. */
  blocks: (depth: number) => string;
  /** The deepest blocks the grammar can parse, when it cannot parse 2,000. */
  maxBlockDepth?: number;
  /** Known open cases: case name -> why (the test runs them as todo). */
  open?: Record<string, string>;
  /** Like `blocks`, with a response in every block (each climbs to its branch, statement and function). */
  responsesEverywhere?: (depth: number) => string;
}

const C_LIKE: NestTemplate['nests'] = {
  parens: ['(', '404', ')'],
  calls: ['f(', '404', ')'],
  negations: ['!', 'x', ''],
  sums: ['', '1', ' + 1'],
  ands: ['', 'x', ' && x'],
};
// Go has no `?:` (tree-sitter takes 17 s to recover from 25,000 of them: not ours to bound).
const TERNARIES: NestTemplate['nests'] = { ternaries: ['x ? 404 : ', '500', ''] };

/** `depth` blocks opened by `open`, each holding `response`, then the slot, then the closers. */
const everyLevel = (head: string, open: string, response: string, slot: string, close: string, tail: string) => (d: number) =>
  `${head}${`${open}${response}\n`.repeat(d)}${slot}\n${close.repeat(d)}${tail}`;

export const NEST_TEMPLATES: NestTemplate[] = [
  {
    key: 'python', languageId: 'python', ext: 'py', site: '404',
    // tree-sitter-python's scanner keeps its stack of indents in the parser's serialized state
    // (1 KB): past about 500 levels the whole body is an ERROR, before any code of ours runs.
    maxBlockDepth: 500,
    text: "from flask import Flask, jsonify, abort\napp = Flask(__name__)\n@app.route('/items', methods=['POST'])\ndef create():\n    if x == @E@:\n        return jsonify({'error': 'x'}), 404\n    abort(\n",
    nests: {
      parens: ['(', '404', ')'], calls: ['f(', '404', ')'], nots: ['not ', 'x', ''], arrays: ['[', '404', ']'],
      dicts: ["{'a': ", '404', '}'], sums: ['', '1', ' + 1'], ands: ['', 'x', ' and x'], chain: ['', 'a', '.b()'],
      conditionals: ['404 if x else ', '500', ''],
    },
    responsesEverywhere: (d) => {
      const ind = (n: number) => ' '.repeat(n);
      let body = `${ind(1)}if x0:\n`;
      for (let i = 1; i <= d; i++) body += `${ind(i + 1)}r${i} = jsonify({'error': 'x'}), 404\n${ind(i + 1)}if x${i}:\n`;
      return `from flask import Flask, jsonify, abort\napp = Flask(__name__)\n@app.route('/items', methods=['POST'])\ndef create():\n${body}${ind(d + 2)}return jsonify({'error': 'x'}), 404\n${ind(d + 2)}abort(§\n`;
    },
    blocks: (d) => `from flask import Flask, jsonify, abort\napp = Flask(__name__)\n@app.route('/items', methods=['POST'])\ndef create():\n${Array.from({ length: d }, (_, i) => `${' '.repeat(i + 1)}if x${i}:\n`).join('')}${' '.repeat(d + 1)}return jsonify({'error': 'x'}), 404\n${' '.repeat(d + 1)}abort(§\n`,
  },
  {
    key: 'go', languageId: 'go', ext: 'go', site: '404',
    text: 'package main\nimport "net/http"\nfunc h(w http.ResponseWriter, r *http.Request) {\n\tif x == @E@ {\n\t\thttp.Error(w, "x", 404)\n\t\treturn\n\t}\n\tw.WriteHeader(\n}\n',
    nests: { ...C_LIKE, arrays: ['[]any{', '404', '}'], chain: ['', 'a', '.b()'], funcs: ['func() int { return ', '404', ' }()'] },
    responsesEverywhere: everyLevel('package main\nimport "net/http"\nfunc h(w http.ResponseWriter, r *http.Request) {\n', 'if x {\n', 'http.Error(w, "x", 404)', 'w.WriteHeader(§)', '}\n', '}\n'),
    blocks: (d) => `package main\nimport "net/http"\nfunc h(w http.ResponseWriter, r *http.Request) {\n${'if x {\n'.repeat(d)}http.Error(w, "x", 404)\nw.WriteHeader(§)\n${'}\n'.repeat(d)}}\n`,
  },
  {
    key: 'java', languageId: 'java', ext: 'java', site: '404',
    text: 'import org.springframework.http.ResponseEntity;\n@RestController\nclass C {\n  @PostMapping("/items")\n  ResponseEntity<?> create() {\n    if (x == @E@) { return ResponseEntity.status(404).body(Map.of("error", "x")); }\n    return ResponseEntity.status(\n  }\n}\n',
    nests: { ...C_LIKE, ...TERNARIES, arrays: ['new int[]{', '404', '}'], chain: ['', 'a', '.b()'], lambdas: ['f(() -> ', '404', ')'] },
    responsesEverywhere: everyLevel('import org.springframework.http.ResponseEntity;\n@RestController\nclass C {\n  @PostMapping("/items")\n  ResponseEntity<?> create() {\n', 'if (x) {\n', 'ResponseEntity.status(404).body(Map.of("error", "x"));', 'return ResponseEntity.status(§);', '}\n', '}\n}\n'),
    blocks: (d) => `import org.springframework.http.ResponseEntity;\n@RestController\nclass C {\n  @PostMapping("/items")\n  ResponseEntity<?> create() {\n${'if (x) {\n'.repeat(d)}return ResponseEntity.status(404).body(Map.of("error", "x"));\nreturn ResponseEntity.status(§);\n${'}\n'.repeat(d)}}\n}\n`,
  },
  {
    key: 'csharp', languageId: 'csharp', ext: 'cs', site: '404',
    text: 'using Microsoft.AspNetCore.Mvc;\n[ApiController]\npublic class C : ControllerBase {\n  [HttpPost("/items")]\n  public IActionResult Create() {\n    if (x == @E@) { return StatusCode(404, new { error = "x" }); }\n    return StatusCode(\n  }\n}\n',
    nests: { ...C_LIKE, ...TERNARIES, arrays: ['new[] { ', '404', ' }'], objects: ['new { a = ', '404', ' }'], chain: ['', 'a', '.b()'], lambdas: ['f(() => ', '404', ')'] },
    responsesEverywhere: everyLevel('using Microsoft.AspNetCore.Mvc;\n[ApiController]\npublic class C : ControllerBase {\n  [HttpPost("/items")]\n  public IActionResult Create() {\n', 'if (x) {\n', 'Response.Headers["X"] = "y"; StatusCode(404, new { error = "x" });', 'return StatusCode(§);', '}\n', '}\n}\n'),
    blocks: (d) => `using Microsoft.AspNetCore.Mvc;\n[ApiController]\npublic class C : ControllerBase {\n  [HttpPost("/items")]\n  public IActionResult Create() {\n${'if (x) {\n'.repeat(d)}return StatusCode(404, new { error = "x" });\nreturn StatusCode(§);\n${'}\n'.repeat(d)}}\n}\n`,
  },
  {
    key: 'ruby', languageId: 'ruby', ext: 'rb', site: '404',
    text: "class ItemsController < ApplicationController\n  def create\n    if x == @E@\n      render json: { error: 'x' }, status: 404\n      return\n    end\n    head \n  end\nend\n",
    nests: {
      parens: ['(', '404', ')'], calls: ['f(', '404', ')'], negations: ['!', 'x', ''], nots: ['not ', 'x', ''], arrays: ['[', '404', ']'],
      hashes: ['{ a: ', '404', ' }'], sums: ['', '1', ' + 1'], ands: ['', 'x', ' && x'], chain: ['', 'a', '.b'], blocks: ['f { ', '404', ' }'],
    },
    responsesEverywhere: everyLevel('class ItemsController < ApplicationController\n  def create\n', 'if x\n', "render json: { error: 'x' }, status: 404", 'head §', 'end\n', '  end\nend\n'),
    blocks: (d) => `class ItemsController < ApplicationController\n  def create\n${'if x\n'.repeat(d)}render json: { error: 'x' }, status: 404\nhead §\n${'end\n'.repeat(d)}  end\nend\n`,
  },
  {
    key: 'php', languageId: 'php', ext: 'php', site: '404',
    text: "<?php\nclass C {\n  public function store() {\n    if ($x == @E@) { return response()->json(['error' => 'x'], 404); }\n    abort(\n  }\n}\n",
    nests: {
      parens: ['(', '404', ')'], calls: ['f(', '404', ')'], negations: ['!', '$x', ''], arrays: ['[', '404', ']'], hashes: ["['a' => ", '404', ']'],
      sums: ['', '1', ' + 1'], ands: ['', '$x', ' && $x'], chain: ['', '$a', '->b()'], ternaries: ['$x ? 404 : ', '500', ''],
    },
    responsesEverywhere: everyLevel('<?php\nclass C {\n  public function store() {\n', 'if ($x) {\n', "response()->json(['error' => 'x'], 404);", 'abort(§);', '}\n', '}\n}\n'),
    blocks: (d) => `<?php\nclass C {\n  public function store() {\n${'if ($x) {\n'.repeat(d)}return response()->json(['error' => 'x'], 404);\nabort(§);\n${'}\n'.repeat(d)}}\n}\n`,
  },
  {
    key: 'rust', languageId: 'rust', ext: 'rs', site: 'NOT_FOUND',
    text: 'use axum::http::StatusCode;\nasync fn create() -> impl IntoResponse {\n    if x == @E@ { return (StatusCode::NOT_FOUND, Json(json!({"error": "x"}))); }\n    (StatusCode::\n}\n',
    nests: { ...C_LIKE, ...TERNARIES, arrays: ['[', '404', ']'], chain: ['', 'a', '.b()'], blocks: ['{ ', '404', ' }'], closures: ['f(|| ', '404', ')'] },
    responsesEverywhere: everyLevel('use axum::http::StatusCode;\nasync fn create() -> impl IntoResponse {\n', 'if x {\n', 'let r = (StatusCode::NOT_FOUND, Json(json!({"error": "x"})));', '(StatusCode::§', '}\n', '}\n'),
    blocks: (d) => `use axum::http::StatusCode;\nasync fn create() -> impl IntoResponse {\n${'if x {\n'.repeat(d)}return (StatusCode::NOT_FOUND, Json(json!({"error": "x"})));\n(StatusCode::§\n${'}\n'.repeat(d)}}\n`,
  },
  {
    key: 'openapi-yaml', languageId: 'yaml', ext: 'yaml', site: '404',
    text: "openapi: 3.0.0\ninfo: {title: x, version: '1'}\npaths:\n  /items:\n    post:\n      x-nested: @E@\n      responses:\n        '404':\n          description: x\n        '\n",
    nests: { flowSeqs: ['[', '404', ']'], flowMaps: ['{a: ', '404', '}'] },
    blocks: (d) => `openapi: 3.0.0\ninfo: {title: x, version: '1'}\npaths:\n  /items:\n    post:\n      x-nested:\n${Array.from({ length: d }, (_, i) => `${' '.repeat(8 + i)}a${i}:\n`).join('')}${' '.repeat(8 + d)}b: 404\n      responses:\n        '404':\n          description: x\n        '§\n`,
  },
  {
    key: 'openapi-json', languageId: 'json', ext: 'json', site: '404',
    text: '{"openapi": "3.0.0", "info": {"title": "x", "version": "1"},\n "paths": {"/items": {"post": {"x-nested": @E@, "responses": {\n   "404": {"description": "x"},\n   "\n}}}}}\n',
    nests: { arrays: ['[', '404', ']'], objects: ['{"a": ', '404', '}'] },
    blocks: (d) => `{"openapi": "3.0.0", "info": {"title": "x", "version": "1"},\n "paths": {"/items": {"post": {"x-nested": ${'{"a":\n'.repeat(d)}404${'}'.repeat(d)}, "responses": {\n   "404": {"description": "x"},\n   "§\n}}}}}\n`,
  },
  {
    key: 'http', languageId: 'http', ext: 'http', site: '404',
    text: 'POST http://localhost/items\nContent-Type: application/json\n\n{"a": @E@}\n\nHTTP/1.1 404 Not Found\n?? status == \n',
    nests: { arrays: ['[', '404', ']'], objects: ['{"a": ', '404', '}'] },
    blocks: (d) => `POST http://localhost/items\nContent-Type: application/json\n\n${'{"a":\n'.repeat(d)}404\n${'}\n'.repeat(d)}\nHTTP/1.1 404 Not Found\n?? status == §\n`,
  },
];

/** A nested expression about `n` characters long. */
export function nestedExpression([open, inner, close]: [string, string, string], n: number): string {
  const depth = Math.max(1, Math.floor(n / Math.max(1, open.length + close.length)));
  return open.repeat(depth) + inner + close.repeat(depth);
}
