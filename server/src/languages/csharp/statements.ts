// C# responses made of statements: middleware and handlers that assign
// `context.Response.StatusCode = 401`, set headers and write the body with `WriteAsJsonAsync`;
// and the plain values controller actions and minimal API lambdas return (the framework answers 200).
import type { Node } from '../../parsing/treeSitter';
import type { OffsetEdit, ResponseFacts, StatusSite } from '../../model';
import { spanOf } from '../syntax';
import { statusEdit } from '../edits';
import { bodyFacts } from './bodies';
import { branchOf } from './branches';
import { headerLineBefore, seeHeaders, writeReaches, type CsResponseInput } from './headers';
import { canonicalResponse, headersOutOfSight } from './outOfSight';
import { helperOf } from './helpers';
import { calleeName, callParts, csString, enclosingFunction, lastSegment, lineIndent, statementOf, typeName } from './nodes';
import { parentOf } from '../ancestry';
import { nodesStartingIn } from '../sorted';

const WRITES = /^(WriteAsync|WriteAsJsonAsync|WriteLineAsync)$/;

function removeStatement(text: string, stmt: Node): OffsetEdit[] {
  const lineStart = text.lastIndexOf('\n', stmt.startIndex - 1) + 1;
  const nl = text.indexOf('\n', stmt.endIndex);
  const lineEnd = nl < 0 ? text.length : nl;
  if (/^[ \t]*$/.test(text.slice(lineStart, stmt.startIndex)) && /^[ \t]*$/.test(text.slice(stmt.endIndex, lineEnd))) {
    return [{ start: lineStart, end: nl < 0 ? lineEnd : nl + 1, newText: '' }];
  }
  return [{ start: stmt.startIndex, end: stmt.endIndex, newText: '' }];
}

/** `context.Response.StatusCode = 401;` with the headers and body written around it. */
export function assignmentResponse(assignment: Node, site: StatusSite, input: CsResponseInput): ResponseFacts {
  const { text, writes, calls } = input;
  const facts: ResponseFacts = { span: spanOf(assignment), headers: [], branch: branchOf(assignment), edits: {} };
  facts.edits.setStatus = (code) => statusEdit(site, code, text);
  const written = assignment.childForFieldName('left')?.childForFieldName('expression')?.text ?? 'Response';
  const recv = canonicalResponse(written);
  const fn = enclosingFunction(assignment);
  const stmt = statementOf(assignment);
  const block = parentOf(stmt);
  const scope = fn ?? block;
  // Offsets read once: every end offset is a call into wasm.
  const start = assignment.startIndex;
  const end = assignment.endIndex;
  const blockEnd = block?.endIndex ?? end;
  const [scopeStart, scopeEnd] = scope ? [scope.startIndex, scope.endIndex] : [start, start];
  // Headers written on the same response earlier where they still hold at the status, or later in its own block.
  for (const w of writes) {
    if (w.receiver !== recv) continue;
    const at = w.node.startIndex;
    if (at < scopeStart || at >= scopeEnd) continue;
    const before = at < start && writeReaches(w, assignment);
    const after = at > end && !!block && at < blockEnd;
    // An unnamed write (`Headers[name] = value` in a loop) before it or in its block: any header may be there.
    if (w.unnamed && (at < start || after)) facts.headersUnknown = true;
    else if (before || after) facts.headers.push(w.fact);
  }
  if (headersOutOfSight(text, calls, recv, assignment, block?.endIndex)) facts.headersUnknown = true;
  // The body: await context.Response.WriteAsJsonAsync(x) after it in the same block.
  if (block) {
    for (const c of nodesStartingIn(calls, end + 1, blockEnd)) {
      if (!WRITES.test(calleeName(c)?.text ?? '')) continue;
      const { receiver, args } = callParts(c);
      if (!receiver || canonicalResponse(receiver.text) !== recv || !args[0]) continue;
      const body = args[0];
      facts.body = bodyFacts(body.value, facts.branch?.kind === 'catch' ? facts.branch.errorName : undefined);
      facts.edits.replaceBody = (t) => [{ start: body.value.startIndex, end: body.value.endIndex, newText: t }];
      const writeStmt = statementOf(c);
      if (writeStmt?.type === 'expression_statement') facts.edits.dropBody = () => removeStatement(text, writeStmt);
      break;
    }
  }
  if (stmt?.type === 'expression_statement') {
    const indent = lineIndent(text, stmt.startIndex);
    facts.edits.addHeader = (n, v) => [{ start: stmt.endIndex, end: stmt.endIndex, newText: `\n${indent}${written}.Headers[${csString(n)}] = ${csString(v)};` }];
  }
  return facts;
}

/** Result types whose values are not written as a plain 200 body. */
const RESULT_TYPES = /^(IActionResult|ActionResult|IResult|Results|IHttpActionResult|HttpResponseMessage|void|Task|ValueTask|IAsyncEnumerable|FileResult|Stream|PhysicalFileResult|RedirectResult|StatusCodeResult|ObjectResult|Ok|NotFound|Created|NoContent|BadRequest|Conflict)$/;

/** The declared return type with Task<>/ValueTask<> unwrapped: `ActionResult` of `Task<ActionResult<Order>>`. */
function resultType(method: Node): { name: string; generic: boolean } | undefined {
  let t: Node | null | undefined = method.childForFieldName('returns') ?? method.childForFieldName('type');
  for (let i = 0; t && i < 3; i++) {
    if (t.type === 'generic_name' && /^(Task|ValueTask)$/.test(t.namedChild(0)?.text ?? '')) t = t.namedChild(1)?.namedChild(0);
    else break;
  }
  if (!t) return undefined;
  return { name: typeName(t) ?? t.text, generic: t.type === 'generic_name' };
}

/** A returned expression that is itself a result (a helper, `Results.X`, `new XResult`), not a value. */
function isResultExpression(value: Node): boolean {
  if (value.type === 'invocation_expression') {
    const { name, receiver } = callParts(value);
    if (helperOf(value) || /^(StatusCode|Problem|ValidationProblem|File|PhysicalFile|Redirect\w*|Challenge|Forbid|SignIn|SignOut|View|PartialView|Page|Content|Json|Empty)$/.test(name ?? '')) return true;
    return !!receiver && /^(Results|TypedResults)$/.test(lastSegment(receiver.text));
  }
  if (value.type === 'object_creation_expression') return /Result$/.test(callParts(value).name ?? '');
  if (value.type === 'await_expression' || value.type === 'parenthesized_expression') return !!value.namedChild(0) && isResultExpression(value.namedChild(0)!);
  if (value.type === 'conditional_expression') return true;
  return value.type === 'null_literal' || value.type === 'default_expression';
}

/**
 * A plain value returned by a controller action (`return order;` in an `ActionResult<Order>` or
 * `Order` action) or a minimal API lambda: the framework answers 200 with it as the body.
 */
export function plainReturn(value: Node, fn: Node, controllerAction: boolean, input: CsResponseInput): ResponseFacts | undefined {
  const { text } = input;
  if (isResultExpression(value)) return undefined;
  // An action's ProblemDetails answers with its own Status (ObjectResult reads it); a minimal API's is a 200 body.
  if (controllerAction && value.type === 'object_creation_expression' && /ProblemDetails$/.test(callParts(value).name ?? '')) return undefined;
  let actionResult = false;
  if (controllerAction) {
    const t = resultType(fn);
    if (!t) return undefined;
    actionResult = t.name === 'ActionResult' && t.generic;
    if (!actionResult && RESULT_TYPES.test(t.name)) return undefined;
  } else if (value.type === 'identifier') {
    // A lambda returning a variable: it may well hold an IResult.
    return undefined;
  }
  const facts: ResponseFacts = { span: spanOf(value), implicitStatus: 200, headers: [], branch: branchOf(value), edits: {} };
  facts.body = bodyFacts(value, facts.branch?.kind === 'catch' ? facts.branch.errorName : undefined);
  facts.edits.replaceBody = (t) => [{ start: value.startIndex, end: value.endIndex, newText: t }];
  if (actionResult) facts.edits.setStatus = (code) => [{ start: value.startIndex, end: value.endIndex, newText: `StatusCode(${code}, ${text.slice(value.startIndex, value.endIndex)})` }];
  const target = seeHeaders(facts, input, value);
  facts.edits.addHeader = (n, v) => headerLineBefore(text, value, target, n, v);
  return facts;
}
