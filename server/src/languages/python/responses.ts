// A response in Python: the call, `return body, status` tuple, status assignment or route
// decorator that sets its status, with its body and headers, and the edits that change it the
// way its framework does (a headers dict, a `headers=` argument, `resp["Location"] = ...`).
import type { Node } from '../../parsing/treeSitter';
import type { ResponseFacts } from '../../model';
import { spanOf } from '../syntax';
import { bodyFacts, type JsonEncoder } from './bodies';
import { branchOf, caughtName } from './branches';
import { AIOHTTP_REDIRECTS, DJANGO_NO_BODY } from './constants';
import type { PyContext } from './contexts';
import type { Frameworks } from './imports';
import { callArgs, calleeOf, pyString, sameNode, statementOf } from './nodes';
import { parentOf } from '../ancestry';
import {
  addToHeaders, appendArgument, bindingOf, headersFrom, headersOnName, isSuccessHeaders, latestBinding, removeArgument,
  statementAfter, type HeaderScope,
} from './headers';
import { partitionPoint } from '../sorted';

export interface ResponseEnv {
  text: string;
  quote: string;
  fw: Frameworks;
  scope: HeaderScope;
  /** Return statements of the file, in order. */
  returns: Node[];
  /** The return statements whose innermost function is `fn`. */
  returnsIn(fn: Node): Node[];
  /** Start of the function around a node (-1 at module level). */
  fnStartOf(node: Node): number;
}

const REDIRECT_CLASSES = /^(RedirectResponse|HttpResponseRedirect|HttpResponsePermanentRedirect)$/;

/** Django's response classes: headers go on the bound response, `resp["Name"] = value`. */
export function isDjangoResponse(name: string, fw: Frameworks): boolean {
  return /^(HttpResponse\w*|JsonResponse|StreamingHttpResponse|TemplateResponse)$/.test(name) || (name === 'FileResponse' && fw.django && !fw.fastapi);
}

function base(carrier: Node, env: ResponseEnv): { facts: ResponseFacts; caught?: string; fnStart: number } {
  const branch = branchOf(carrier);
  const facts: ResponseFacts = { span: spanOf(carrier), headers: [], branch, edits: {} };
  return { facts, caught: caughtName(branch, carrier), fnStart: env.fnStartOf(carrier) };
}

/** The JSON encoder a response class hands its body to (see JsonEncoder); undefined when it is not JSON or not known. */
function encoderOf(name: string, fw: Frameworks): JsonEncoder | undefined {
  if (/^(JSONResponse|ORJSONResponse|UJSONResponse|JsonResponse|json_response|jsonify)$/.test(name)) return 'json';
  // DRF's Response renders with its JSONEncoder, which raises TypeError on an exception as json.dumps does.
  return name === 'Response' && fw.drf ? 'json' : undefined;
}

/** The body argument of a response-making call, by framework. */
export function bodyArgument(call: Node): Node | undefined {
  const { name = '' } = calleeOf(call);
  const args = callArgs(call);
  if (name === 'abort') return args.positional[1] ?? args.keywords.get('description');
  if (/HTTPException$/.test(name)) return args.keywords.get('detail') ?? args.positional[1];
  if (name === 'redirect' || name === 'render' || name === 'render_to_response' || REDIRECT_CLASSES.test(name) || DJANGO_NO_BODY.has(name)) return undefined;
  if (/^HTTP[A-Z]/.test(name)) return args.keywords.get('text') ?? args.keywords.get('body');
  return args.keywords.get('content') ?? args.keywords.get('data') ?? args.keywords.get('response') ?? args.keywords.get('text') ?? args.keywords.get('body') ?? args.positional[0];
}

/**
 * The headers passed by position: make_response(body, status, headers), Flask's and
 * Starlette's Response(content, status, headers), DRF's Response(data, status, template_name, headers).
 */
function positionalHeaders(name: string, positional: Node[], fw: Frameworks): Node | undefined {
  if (name === 'make_response') return positional[2];
  if (name === 'Response' && fw.drf) return positional[3];
  if (name === 'Response' && fw.flask) return positional[2];
  return POSITIONAL_HEADERS.test(name) && !fw.drf && !fw.django ? positional[2] : undefined;
}

/** Starlette / FastAPI response classes: (content, status_code, headers, media_type). */
const POSITIONAL_HEADERS = /^(Response|JSONResponse|HTMLResponse|PlainTextResponse|ORJSONResponse|UJSONResponse|StreamingResponse)$/;

/** Keyword arguments that set a header (WebOb's and Pyramid's Response and HTTP exceptions). */
const KEYWORD_HEADERS: [string, string][] = [['location', 'location'], ['allow', 'allow'], ['retry_after', 'retry-after'], ['www_authenticate', 'www-authenticate']];

/** Facts and edits of a response made by a call: abort(), HTTPException(), JSONResponse(), HttpResponse... */
export function callResponse(call: Node, env: ResponseEnv): ResponseFacts {
  const { facts, caught, fnStart } = base(call, env);
  const { name = '' } = calleeOf(call);
  const args = callArgs(call);
  const body = bodyArgument(call);
  facts.body = bodyFacts(body, caught, encoderOf(name, env.fw));
  const headersArg = args.keywords.get('headers') ?? positionalHeaders(name, args.positional, env.fw);
  facts.headers.push(...headersFrom(headersArg, fnStart, env.scope, call.startIndex));
  const bound = bindingOf(env.scope, call);
  if (bound) facts.headers.push(...headersOnName(env.scope, fnStart, bound.name));
  if (name === 'redirect' || REDIRECT_CLASSES.test(name) || AIOHTTP_REDIRECTS.has(name)) facts.helper = 'redirect';
  if (name === 'HttpResponseNotAllowed' || name === 'HTTPMethodNotAllowed') facts.headers.push({ name: 'allow', span: spanOf(call) });
  // Werkzeug's abort(405, valid_methods=[...]) raises MethodNotAllowed, which writes them into Allow.
  if (name === 'abort') {
    const valid = args.keywordNodes.get('valid_methods');
    if (valid) facts.headers.push({ name: 'allow', span: spanOf(valid) });
  }
  // WebOb and Pyramid take headers as keywords: Response(status=301, location=url).
  for (const [keyword, header] of KEYWORD_HEADERS) {
    const node = args.keywordNodes.get(keyword);
    if (node) facts.headers.push({ name: header, span: spanOf(node) });
  }
  if (isSuccessHeaders(headersArg, fnStart, env.scope)) facts.helper = 'created';
  const q = env.quote;

  // Headers: into the literal, as a new headers= argument, or on the bound response.
  if (isDjangoResponse(name, env.fw)) {
    facts.edits.addHeader = (h, v) => (bound ? statementAfter(env.text, bound.statement, `${bound.name}[${pyString(h, q)}] = ${pyString(v, q)}`) : undefined);
  } else if (name === 'make_response') {
    facts.edits.addHeader = (h, v) => {
      if (headersArg) return addToHeaders(headersArg, h, v, q);
      return args.positional.length === 2 && args.all.length === 2 ? [{ start: args.positional[1].endIndex, end: args.positional[1].endIndex, newText: `, {${pyString(h, q)}: ${pyString(v, q)}}` }] : undefined;
    };
  } else if (name !== 'abort' && name !== 'redirect' && name !== 'render') {
    facts.edits.addHeader = (h, v) => {
      if (headersArg) return addToHeaders(headersArg, h, v, q) ?? (bound ? statementAfter(env.text, bound.statement, `${bound.name}.headers[${pyString(h, q)}] = ${pyString(v, q)}`) : undefined);
      return appendArgument(call, `headers={${pyString(h, q)}: ${pyString(v, q)}}`);
    };
  }

  // Dropping the body: only where the call without it is still the same kind of response.
  let bodyNode = body;
  for (const kw of args.keywordNodes.values()) if (body && sameNode(kw.childForFieldName('value'), body)) bodyNode = kw;
  if (body && bodyNode) {
    const plain = name === 'Response' || name === 'HttpResponse' || /^HTTP[A-Z]/.test(name) || (/^HttpResponse[A-Z]/.test(name) && !DJANGO_NO_BODY.has(name));
    const removable = bodyNode;
    if (plain) facts.edits.dropBody = () => removeArgument(call, removable);
    else if (name === 'make_response') facts.edits.dropBody = () => [{ start: body.startIndex, end: body.endIndex, newText: `${q}${q}` }];
    facts.edits.replaceBody = (t) => [{ start: body.startIndex, end: body.endIndex, newText: t }];
  }
  return facts;
}

/** Flask: `return body, status[, headers]`. */
export function tupleResponse(tuple: Node, env: ResponseEnv): ResponseFacts {
  const { facts, caught, fnStart } = base(tuple, env);
  const items = tuple.namedChildren.filter((c): c is Node => !!c && c.type !== 'comment');
  const [body, status, headers] = items;
  const stmt = parentOf(tuple) ?? tuple;
  facts.span = spanOf(stmt);
  // Flask's `return body, status`: a dict or list body goes through its JSON provider.
  facts.body = bodyFacts(body, caught, env.fw.flask ? 'json' : undefined);
  facts.headers.push(...headersFrom(headers, fnStart, env.scope, tuple.startIndex));
  if (body?.type === 'identifier') facts.headers.push(...headersOnName(env.scope, fnStart, body.text));
  const q = env.quote;
  facts.edits.addHeader = (h, v) => (headers ? addToHeaders(headers, h, v, q) : [{ start: status.endIndex, end: status.endIndex, newText: `, {${pyString(h, q)}: ${pyString(v, q)}}` }]);
  if (body) {
    facts.edits.dropBody = () => [{ start: body.startIndex, end: body.endIndex, newText: `${q}${q}` }];
    facts.edits.replaceBody = (t) => [{ start: body.startIndex, end: body.endIndex, newText: t }];
  }
  return facts;
}

/** `resp.status_code = 201`: the response bound to `resp` (or FastAPI's Response parameter). */
export function assignmentResponse(assign: Node, env: ResponseEnv): ResponseFacts {
  const { facts, caught, fnStart } = base(assign, env);
  const obj = assign.childForFieldName('left')?.childForFieldName('object');
  const stmt = statementOf(assign);
  if (obj?.type !== 'identifier') return facts;
  const name = obj.text;
  facts.headers.push(...headersOnName(env.scope, fnStart, name));
  const bound = latestBinding(env.scope, fnStart, name, assign.startIndex);
  let django = env.fw.django && !env.fw.fastapi && !env.fw.flask;
  if (bound?.value.type === 'call') {
    const boundName = calleeOf(bound.value).name ?? '';
    facts.body = bodyFacts(bodyArgument(bound.value), caught, encoderOf(boundName, env.fw));
    facts.headers.push(...headersFrom(callArgs(bound.value).keywords.get('headers'), fnStart, env.scope, bound.statement.startIndex));
    django = isDjangoResponse(boundName, env.fw);
  } else if (!bound) {
    // FastAPI: `response.status_code = 201` then `return item`: the returned value is the body.
    const ret = returnAfter(env.returns, assign, parentOf(stmt));
    facts.body = bodyFacts(ret?.namedChild(0) ?? undefined, caught, env.fw.fastapi ? 'fastapi' : undefined);
  }
  const q = env.quote;
  facts.edits.addHeader = (h, v) => statementAfter(env.text, stmt, django ? `${name}[${pyString(h, q)}] = ${pyString(v, q)}` : `${name}.headers[${pyString(h, q)}] = ${pyString(v, q)}`);
  return facts;
}

/**
 * The first return after `node` in `block` (`returns` in source order). Found by binary search
 * and looked for only inside the block: a scan of every return of the file for every status
 * assignment (each asking the parser for the return's parent) made large files quadratic.
 */
function returnAfter(returns: Node[], node: Node, block: Node | null): Node | undefined {
  if (!block) return undefined;
  const after = node.endIndex;
  const end = block.endIndex;
  const lo = partitionPoint(returns.length, (i) => returns[i].startIndex <= after);
  for (let i = lo; i < returns.length && returns[i].startIndex < end; i++) if (sameNode(parentOf(returns[i]), block)) return returns[i];
  return undefined;
}

/** AWS Lambda: {"statusCode": 404, "body": ..., "headers": {...}}. */
export function lambdaResponse(dict: Node, env: ResponseEnv): ResponseFacts {
  const { facts, caught, fnStart } = base(dict, env);
  let headers: Node | undefined;
  let lastPair: Node | undefined;
  for (const p of dict.namedChildren) {
    if (p?.type !== 'pair') continue;
    lastPair = p;
    const key = p.childForFieldName('key')?.text.replace(/^['"]|['"]$/g, '');
    const value = p.childForFieldName('value') ?? undefined;
    // The Lambda runtime serialises what the handler returns with json.dumps.
    if (key === 'body') facts.body = bodyFacts(value, caught, 'json');
    if (key === 'headers') headers = value;
  }
  facts.headers.push(...headersFrom(headers, fnStart, env.scope, dict.startIndex));
  const q = env.quote;
  facts.edits.addHeader = (h, v) => {
    if (headers) return addToHeaders(headers, h, v, q);
    return lastPair ? [{ start: lastPair.endIndex, end: lastPair.endIndex, newText: `, ${pyString('headers', q)}: {${pyString(h, q)}: ${pyString(v, q)}}` }] : undefined;
  };
  return facts;
}

/** Builds the response for a status context (the route decorator case lives in routes.ts). */
export function responseForContext(ctx: PyContext, env: ResponseEnv): ResponseFacts | undefined {
  switch (ctx.kind) {
    case 'call':
      return callResponse(ctx.carrier, env);
    case 'tuple':
      return tupleResponse(ctx.carrier, env);
    case 'assign':
      return assignmentResponse(ctx.carrier, env);
    case 'lambda':
      return lambdaResponse(ctx.carrier, env);
    case 'raise':
      return base(ctx.carrier, env).facts;
    default:
      return undefined;
  }
}
