// Java responses made of statements rather than one expression: the servlet API
// (`response.setStatus(409); response.setHeader(...); response.getWriter().write(...)`), a method's
// @ResponseStatus with the values it returns, and a REST handler's plain `return x;` (200).
import type { Node } from '../../parsing/treeSitter';
import type { OffsetEdit, ResponseFacts, StatusSite } from '../../model';
import { namedArgs, spanOf } from '../syntax';
import { statusEdit } from '../edits';
import { bodyFacts } from './bodies';
import { branchOf } from './branches';
import { headersOn, type SeenHeaders } from './headers';
import { callParts, javaString, lineIndent, outerMethod, sameNode, statementOf, typeName } from './nodes';
import type { JavaResponseInput } from './responses';
import { parentOf, upTo } from '../ancestry';
import { nodesStartingIn } from '../sorted';

const WRITE_CALLS = /^(write|print|println|writeValue|writeBytes)$/;

/** The servlet response parameter of a method (`HttpServletResponse response`), by name. */
export function responseParam(method: Node | undefined): string | undefined {
  if (!method) return undefined;
  for (const p of namedArgs(method.childForFieldName('parameters'))) {
    if (p.type === 'formal_parameter' && /^(HttpServletResponse|ServletResponse)$/.test(typeName(p.childForFieldName('type')) ?? '')) return p.childForFieldName('name')?.text;
  }
  return undefined;
}

/** An edit that puts `line` on its own line before `stmt`, at its indentation. */
function insertBefore(text: string, stmt: Node | undefined, line: string): OffsetEdit[] | undefined {
  if (!stmt) return undefined;
  return [{ start: stmt.startIndex, end: stmt.startIndex, newText: `${line}\n${lineIndent(text, stmt.startIndex)}` }];
}

/** Removes a whole statement, with its line when nothing else is on it. */
function removeStatement(text: string, stmt: Node): OffsetEdit[] {
  const lineStart = text.lastIndexOf('\n', stmt.startIndex - 1) + 1;
  const nl = text.indexOf('\n', stmt.endIndex);
  const lineEnd = nl < 0 ? text.length : nl;
  if (/^[ \t]*$/.test(text.slice(lineStart, stmt.startIndex)) && /^[ \t]*$/.test(text.slice(stmt.endIndex, lineEnd))) {
    return [{ start: lineStart, end: nl < 0 ? lineEnd : nl + 1, newText: '' }];
  }
  return [{ start: stmt.startIndex, end: stmt.endIndex, newText: '' }];
}

/** `response.setStatus(409)` / `sendError(401)` / WebFlux `response.setStatusCode(...)`. */
export function servletResponse(call: Node, site: StatusSite, input: JavaResponseInput): ResponseFacts {
  const { text, calls } = input;
  const facts: ResponseFacts = { span: spanOf(call), headers: [], branch: branchOf(call), edits: {} };
  const { object, name } = callParts(call);
  const recv = object?.text ?? 'response';
  const receivers = [recv, `${recv}.getHeaders()`];
  const method = outerMethod(call);
  const stmt = statementOf(call);
  const block = parentOf(stmt);
  // Headers set before the status in the method, or after it in the same block.
  if (method) see(facts, headersOn(receivers, calls, method.startIndex, call.startIndex, call));
  if (block) see(facts, headersOn(receivers, calls, call.endIndex, block.endIndex));
  // `ServerHttpResponse response = exchange.getResponse();` then headers through the alias.
  if (method && new RegExp(`=\\s*${recv.replace(/[.$()]/g, '\\$&')}\\s*;`).test(text.slice(method.startIndex, method.endIndex))) facts.headersUnknown = true;
  if (name === 'sendRedirect') facts.helper = 'redirect';
  // The body: response.getWriter().write(x), mapper.writeValue(response.getOutputStream(), x).
  if (block && name !== 'sendError') {
    for (const c of nodesStartingIn(calls, call.endIndex, block.endIndex)) {
      const p = callParts(c);
      if (!p.name || !WRITE_CALLS.test(p.name)) continue;
      const writer = p.name === 'writeValue' ? p.args[0] : p.object;
      if (!writer || !new RegExp(`^${recv.replace(/[.$()]/g, '\\$&')}\\.(getWriter|getOutputStream)\\(\\)$`).test(writer.text)) continue;
      const body = p.name === 'writeValue' ? p.args[1] : p.args[0];
      facts.body = bodyFacts(body, facts.branch?.kind === 'catch' ? facts.branch.errorName : undefined);
      const writeStmt = statementOf(c);
      if (writeStmt?.type === 'expression_statement') facts.edits.dropBody = () => removeStatement(text, writeStmt);
      if (body) facts.edits.replaceBody = (t) => [{ start: body.startIndex, end: body.endIndex, newText: t }];
      break;
    }
  }
  facts.edits.setStatus = (code) => statusEdit(site, code, text);
  // Headers must be set before sendError commits the response; before is right for setStatus too.
  const setter = name === 'setStatusCode' ? `${recv}.getHeaders().add` : `${recv}.setHeader`;
  const own = stmt?.type === 'expression_statement' && sameNode(stmt.namedChild(0), call) ? stmt : undefined;
  facts.edits.addHeader = (h, v) => insertBefore(text, own, `${setter}(${javaString(h)}, ${javaString(v)});`);
  return facts;
}

function see(facts: ResponseFacts, seen: SeenHeaders): void {
  facts.headers.push(...seen.headers);
  if (seen.unknown) facts.headersUnknown = true;
}

/** The return statements of `method` itself (not of its lambdas or inner classes), from the walk's list. */
export function returnsOf(method: Node, returns: Node[]): Node[] {
  return nodesStartingIn(returns, method.startIndex, method.endIndex).filter((r) => ownMethod(r) === method.id);
}

function ownMethod(node: Node): number | undefined {
  return upTo('java.ownMethod', parentOf(node), (n): number | null | undefined => {
    if (n.type === 'method_declaration') return n.id;
    return n.type === 'lambda_expression' || n.type === 'class_body' ? null : undefined;
  }, null) ?? undefined;
}

/** `void`, `Void`, and a promise of nothing (`Mono<Void>`, `CompletableFuture<Void>`): what is returned is no body. */
const NOTHING = /^(Void|(Mono|CompletableFuture|CompletionStage|Future|Uni|DeferredResult|Callable)<\s*Void\s*>)$/;

function returnsNoBody(type: Node | null): boolean {
  return !type || type.type === 'void_type' || NOTHING.test(type.text);
}

/** A ResponseEntity, also as the value of Spring's async returns (`Mono<ResponseEntity<T>>`, `CompletableFuture<ResponseEntity<T>>`). */
const ENTITY_RETURN = /^((Mono|CompletableFuture|CompletionStage|DeferredResult|Callable|WebAsyncTask|ListenableFuture)\s*<\s*)?ResponseEntity\b/;

/**
 * `@ResponseStatus(HttpStatus.CREATED)` on a method (its return value is the body) or an exception
 * class. On a method that returns a ResponseEntity there is no response of its own: Spring sets
 * the entity's status and headers over it (`ResponseEntity.created(uri)` writes Location), so the
 * returned entity is the response that is judged.
 */
export function annotationResponse(annotation: Node, site: StatusSite, input: JavaResponseInput, returns: Node[]): ResponseFacts | undefined {
  const { text, calls } = input;
  const decl = parentOf(parentOf(annotation));
  const facts: ResponseFacts = { span: spanOf(annotation), headers: [], branch: branchOf(annotation), edits: {} };
  facts.edits.setStatus = (code) => statusEdit(site, code, text);
  if (decl?.type !== 'method_declaration') return facts;
  if (ENTITY_RETURN.test(decl.childForFieldName('type')?.text.replace(/^[\w.]*\.(?=[A-Z])/, '') ?? '')) return undefined;
  const param = responseParam(decl);
  if (param) see(facts, headersOn([param], calls, decl.startIndex, decl.endIndex));
  if (!returnsNoBody(decl.childForFieldName('type'))) {
    const value = returnsOf(decl, returns).map((r) => r.namedChild(0)).find((v) => v && v.type !== 'null_literal');
    // `return "redirect:/new";` / `new RedirectView(url)`: Spring's redirect view writes Location with this status.
    if (value && (/^"redirect:/.test(value.text) || (value.type === 'object_creation_expression' && typeName(value.childForFieldName('type')) === 'RedirectView'))) facts.helper = 'redirect';
    else if (value) facts.body = bodyFacts(value, facts.branch?.kind === 'catch' ? facts.branch.errorName : undefined);
  }
  const first = namedArgs(decl.childForFieldName('body'))[0];
  if (param && first) facts.edits.addHeader = (h, v) => insertBefore(text, first, `${param}.setHeader(${javaString(h)}, ${javaString(v)});`);
  return facts;
}

/** Return types whose value is not simply written as a 200 body. */
const NOT_PLAIN = /^(ResponseEntity|HttpEntity|ProblemDetail|ErrorResponse|Response|ServerResponse|ModelAndView|View|RedirectView|Mono|Flux|Publisher|CompletableFuture|CompletionStage|DeferredResult|Callable|WebAsyncTask|StreamingResponseBody|SseEmitter|ResponseBodyEmitter|Uni|Multi|Optional|Object)$/;

/** `return dto;` in a @RestController handler without @ResponseStatus: the framework answers 200. */
export function plainReturn(ret: Node, method: Node, input: JavaResponseInput): ResponseFacts | undefined {
  const type = method.childForFieldName('type');
  if (!type || type.type === 'void_type' || NOT_PLAIN.test(typeName(type) ?? '')) return undefined;
  const value = ret.namedChild(0);
  if (!value || value.type === 'null_literal' || value.type === 'line_comment' || value.type === 'block_comment') return undefined;
  const facts: ResponseFacts = { span: spanOf(value), implicitStatus: 200, headers: [], branch: branchOf(ret), edits: {} };
  facts.body = bodyFacts(value, facts.branch?.kind === 'catch' ? facts.branch.errorName : undefined);
  facts.edits.replaceBody = (t) => [{ start: value.startIndex, end: value.endIndex, newText: t }];
  const param = responseParam(method);
  if (param) {
    see(facts, headersOn([param], input.calls, method.startIndex, ret.startIndex, ret));
    if (parentOf(ret)?.type === 'block') facts.edits.addHeader = (h, v) => insertBefore(input.text, ret, `${param}.setHeader(${javaString(h)}, ${javaString(v)});`);
  }
  return facts;
}
