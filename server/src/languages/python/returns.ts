// Responses a handler makes by returning: FastAPI's `status_code=` on the route decorator
// (the default for every return), and the implicit 200s (Flask `return jsonify(...)` or a
// dict, FastAPI returning a dict, JSONResponse / JsonResponse / DRF Response /
// web.json_response without a status), each with the edit that sets a status its own way.
import type { Node } from '../../parsing/treeSitter';
import type { OffsetEdit, ResponseFacts } from '../../model';
import { spanOf } from '../syntax';
import { bodyFacts } from './bodies';
import { branchOf, caughtName } from './branches';
import { callArgs, calleeOf, lineIndent, pyString } from './nodes';
import { headersOnName, latestBinding, statementAfter } from './headers';
import { callResponse, type ResponseEnv } from './responses';


/** Names of the parameters FastAPI fills with the outgoing Response (`response: Response`). */
function responseParams(fn: Node): string[] {
  const out: string[] = [];
  for (const p of fn.childForFieldName('parameters')?.namedChildren ?? []) {
    if (p?.type !== 'typed_parameter') continue;
    const type = p.childForFieldName('type')?.text ?? '';
    const id = p.namedChildren.find((c) => c?.type === 'identifier');
    // `response: Response`, `fastapi.Response`, or an alias (`Response as FastAPIResponse`).
    if (id && /Response$/.test(type)) out.push(id.text);
  }
  return out;
}

const RESPONSE_CLASS = /Response$/;

/** `Response(...)`, `JSONResponse(...)`, or a name bound to one (`resp = JSONResponse(...)`). */
function isResponseObject(value: Node, fnStart: number, before: number, env: ResponseEnv): boolean {
  const inner = value.type === 'await' ? value.namedChild(0) : value;
  if (inner?.type === 'call') return RESPONSE_CLASS.test(calleeOf(inner).name ?? '');
  if (inner?.type !== 'identifier') return false;
  const bound = latestBinding(env.scope, fnStart, inner.text, before);
  const v = bound?.value.type === 'await' ? bound.value.namedChild(0) : bound?.value;
  return v?.type === 'call' && RESPONSE_CLASS.test(calleeOf(v).name ?? '');
}

/** FastAPI `@app.post("/items", status_code=201)`: the status of every plain return. */
export function decoratorResponse(decorator: Node, fn: Node, env: ResponseEnv): ResponseFacts {
  const facts: ResponseFacts = { span: spanOf(decorator), headers: [], edits: {} };
  const params = responseParams(fn);
  for (const p of params) facts.headers.push(...headersOnName(env.scope, fn.startIndex, p));
  // The body: an error-shaped return if there is one, else the first value returned. A returned
  // Response object is sent as it is, with its own status: it is not this status's body.
  for (const r of env.returnsIn(fn)) {
    const value = r.namedChild(0);
    if (!value || value.type === 'none' || isResponseObject(value, fn.startIndex, r.startIndex, env)) continue;
    const b = bodyFacts(value, caughtName(branchOf(r), r), 'fastapi');
    if (!facts.body || (b?.errorShape && !facts.body.errorShape)) facts.body = b;
  }
  const param = params[0];
  const first = fn.childForFieldName('body')?.namedChildren.find((c) => c && c.type !== 'comment');
  if (param && first) {
    const q = env.quote;
    const isDoc = first.type === 'expression_statement' && first.namedChild(0)?.type === 'string';
    facts.edits.addHeader = (h, v) => {
      const line = `${param}.headers[${pyString(h, q)}] = ${pyString(v, q)}`;
      // After the docstring, so it stays the docstring; else before the first statement.
      if (isDoc) return statementAfter(env.text, first, line);
      const indent = lineIndent(env.text, first.startIndex);
      const lineStart = env.text.lastIndexOf('\n', first.startIndex - 1) + 1;
      return lineStart + indent.length === first.startIndex ? [{ start: first.startIndex, end: first.startIndex, newText: `${line}\n${indent}` }] : undefined;
    };
  }
  return facts;
}

const STARLETTE_JSON = /^(JSONResponse|ORJSONResponse|UJSONResponse|HTMLResponse|PlainTextResponse)$/;

export interface ImplicitEnv extends ResponseEnv {
  /** The status as this file writes it (a number, or `status.HTTP_400_BAD_REQUEST`...). */
  statusText(code: number): string;
  /** The edit that imports JSONResponse, if the file lacks it. */
  jsonResponseImport(): OffsetEdit | undefined;
}

/**
 * The implicit 200 a return makes in a handler, or undefined when the return sets a status
 * (or is not a response we can read). `setsStatus`: the route decorator or a
 * `response.status_code = ...` gives plain returns their status.
 */
export function implicitResponse(ret: Node, env: ImplicitEnv, setsStatus: boolean): ResponseFacts | undefined {
  const value = ret.namedChild(0);
  if (!value) return undefined;
  const caught = caughtName(branchOf(ret), ret);
  const inner = value.type === 'await' ? value.namedChild(0) : value;
  if (!inner) return undefined;
  const { fw } = env;

  if (inner.type === 'call') {
    const { name = '', receiver } = calleeOf(inner);
    const args = callArgs(inner);
    if (fw.flask && (name === 'jsonify' || (name === 'make_response' && args.all.length === 1))) {
      const facts: ResponseFacts = { span: spanOf(value), headers: [], branch: branchOf(ret), edits: {}, implicitStatus: 200 };
      const body = name === 'jsonify' ? inner : args.positional[0];
      facts.body = bodyFacts(body, caught, 'json');
      const after = name === 'jsonify' ? value : args.positional[0];
      facts.edits.setStatus = (code) => (after ? [{ start: after.endIndex, end: after.endIndex, newText: `, ${env.statusText(code)}` }] : undefined);
      return facts;
    }
    const keyword = STARLETTE_JSON.test(name) || (name === 'Response' && fw.fastapi && !fw.drf && !fw.flask) ? 'status_code'
      : /^(JsonResponse|HttpResponse)$/.test(name) || (name === 'json_response' && receiver === 'web') || (name === 'Response' && (fw.drf || fw.flask || receiver === 'web')) ? 'status' : undefined;
    if (!keyword || args.keywords.has(keyword) || args.keywords.has('status') || args.keywords.has('status_code')) return undefined;
    if (keyword === 'status_code' || (name === 'Response' && receiver !== 'web')) {
      if (args.positional.length >= 2) return undefined;
    }
    const facts = callResponse(inner, env);
    facts.implicitStatus = 200;
    facts.edits.setStatus = (code) => appendArgStatus(inner, keyword, env.statusText(code));
    return facts;
  }
  if (inner.type === 'dictionary' && fw.flask) {
    const facts: ResponseFacts = { span: spanOf(value), headers: [], branch: branchOf(ret), edits: {}, implicitStatus: 200, body: bodyFacts(inner, caught, 'json') };
    facts.edits.setStatus = (code) => [{ start: value.endIndex, end: value.endIndex, newText: `, ${env.statusText(code)}` }];
    return facts;
  }
  // FastAPI: a dict return takes the route's status_code= or the Response parameter's status.
  if (inner.type === 'dictionary' && fw.fastapi && !setsStatus) {
    const facts: ResponseFacts = { span: spanOf(value), headers: [], branch: branchOf(ret), edits: {}, implicitStatus: 200, body: bodyFacts(inner, caught, 'fastapi') };
    facts.edits.setStatus = (code) => {
      const wrap: OffsetEdit = { start: inner.startIndex, end: inner.endIndex, newText: `JSONResponse(${env.text.slice(inner.startIndex, inner.endIndex)}, status_code=${env.statusText(code)})` };
      const imp = env.jsonResponseImport();
      return imp ? [imp, wrap] : [wrap];
    };
    return facts;
  }
  return undefined;
}

function appendArgStatus(call: Node, keyword: string, status: string): OffsetEdit[] | undefined {
  const args = callArgs(call);
  if (!args.list) return undefined;
  const last = args.all[args.all.length - 1];
  if (!last) return [{ start: args.list.startIndex + 1, end: args.list.startIndex + 1, newText: `${keyword}=${status}` }];
  return [{ start: last.endIndex, end: last.endIndex, newText: `, ${keyword}=${status}` }];
}
