// A response in Go: the call that sets its status, the body written with it or after it, the
// headers set on the same writer or context before it (net/http ignores later ones), and the
// edits that change it in the framework's own way.
import { parentOf } from '../ancestry';
import type { Node, Tree } from '../../parsing/treeSitter';
import type { ResponseFacts } from '../../model';
import { namedArgs, spanOf } from '../syntax';
import { bodyFacts } from './bodies';
import { branchOf } from './branches';
import { functionsAround } from './functions';
import { argsOf, calleeParts, type StatusContext } from './contexts';
import { frameworkOf, headersBefore, headerStatement, rootName, type Framework, type HeaderSet } from './headers';
import { redactEdits, type BodyForm } from './redact';
import { insertBefore, removeStatement, statementOf } from './statements';
import { firstNodeFrom } from '../sorted';

export interface GoResponseInput {
  text: string;
  tree: Tree | undefined;
  ctx: StatusContext;
  /** Every call in the file, in source order. */
  calls: Node[];
  headerSets: HeaderSet[];
  frameworks: Set<Framework>;
  httpName: string;
}

/** The map type an error value is replaced with in the framework's own way. */
function mapTypeFor(framework: Framework | undefined): string {
  return framework === 'gin' ? 'gin.H' : framework === 'echo' ? 'echo.Map' : framework === 'fiber' ? 'fiber.Map' : 'map[string]string';
}

/** Calls chained onto `call`: c.Status(404).JSON(x) gives [JSON call]. */
export function chainAbove(call: Node): Node[] {
  const out: Node[] = [];
  let n = call;
  while (parentOf(n)?.type === 'selector_expression' && parentOf(parentOf(n))?.type === 'call_expression') {
    n = parentOf(parentOf(n))!;
    out.push(n);
  }
  return out;
}

/** A call that writes a body to writer `w`: json.NewEncoder(w).Encode(x), w.Write(b), fmt.Fprintf(w, ...), io.WriteString(w, s). */
export function bodyWrite(call: Node, w: string): { body: Node | undefined; whole: boolean } | undefined {
  const { name, receiver } = calleeParts(call);
  if (!name || !receiver) return undefined;
  const args = argsOf(call);
  if (name === 'Encode' && receiver.type === 'call_expression' && /^(json|xml)\.NewEncoder$/.test(receiver.childForFieldName('function')?.text ?? '') && argsOf(receiver)[0]?.text === w) return { body: args[0], whole: false };
  if ((name === 'Write' || name === 'WriteString') && receiver.text === w) return { body: args[0], whole: false };
  if (/^(fmt\.Fprint|fmt\.Fprintf|fmt\.Fprintln|io\.WriteString)$/.test(`${receiver.text}.${name}`) && args[0]?.text === w) return { body: call, whole: true };
  return undefined;
}

/** The body form of a body write, for the redact edit. */
export function writeForm(call: Node, written: { body: Node | undefined; whole: boolean }): BodyForm | undefined {
  if (written.whole) {
    const args = namedArgs(call.childForFieldName('arguments'));
    return args.length >= 2 ? { kind: 'format', from: args[1], to: args[args.length - 1] } : undefined;
  }
  if (!written.body) return undefined;
  return calleeParts(call).name === 'Encode' ? { kind: 'value', node: written.body } : { kind: 'string', node: written.body };
}

/** What follows `stmt` in its list: the first body write on `w`, or whether nothing touches `w` again. */
function afterStatement(stmt: Node, w: string, calls: Node[]): { write?: { call: Node; stmt: Node; body: Node | undefined; whole: boolean }; untouched: boolean } {
  let next = stmt.nextNamedSibling;
  for (let i = 0; next && i < 12; i++, next = next.nextNamedSibling) {
    for (let k = firstNodeFrom(calls, next.startIndex); k < calls.length && calls[k].startIndex < next.endIndex; k++) {
      const c = calls[k];
      const hit = bodyWrite(c, w);
      if (hit) return { write: { call: c, stmt: next, ...hit }, untouched: false };
      if (rootName(c) === w || argsOf(c).some((a) => rootName(a) === w)) return { untouched: false };
    }
    if (next.type === 'return_statement') return { untouched: true };
  }
  return { untouched: !next };
}

/** Builds the facts and edits of the response `ctx` sets. */
export function responseFor(input: GoResponseInput): ResponseFacts {
  const { ctx, text } = input;
  const call = ctx.carrier;
  const branch = branchOf(call);
  const caught = branch?.errorName;
  const facts: ResponseFacts = { span: spanOf(call), headers: [], branch, edits: {} };
  const { receiver } = calleeParts(call);
  const args = namedArgs(call.childForFieldName('arguments'));
  const stmt = statementOf(call);
  const statusArg = (i: number) => (args[i] ? text.slice(args[i].startIndex, args[i].endIndex) : undefined);
  const setHeaders = (root: string | undefined, isWriter: boolean) => {
    const h = headersBefore(call, root, call.startIndex, input, isWriter);
    facts.headers = h.headers;
    if (h.unknown) facts.headersUnknown = true;
  };
  const redact = (form: BodyForm | undefined, framework: Framework | undefined) => {
    if (form && facts.body && (facts.body.leak || facts.body.rawErrorMessage)) {
      facts.edits.redactBody = (message) => redactEdits({ text, tree: input.tree, body: form, stmt, mapType: mapTypeFor(framework), caught }, message);
    }
  };

  if (ctx.shape === 'writeHeader' || ctx.shape === 'httpError' || (ctx.shape === 'redirect' && receiver?.text === input.httpName)) {
    // net/http: the writer is the receiver (w.WriteHeader) or the first argument (http.Error(w, ...)).
    const wNode = ctx.shape === 'writeHeader' ? receiver : args[0];
    const w = wNode?.text;
    setHeaders(rootName(wNode), true);
    if (w && stmt) facts.edits.addHeader = (name, value) => [insertBefore(text, stmt, headerStatement('net/http', w, name, value))];
    if (ctx.shape === 'redirect') {
      facts.helper = 'redirect';
    } else if (ctx.shape === 'httpError') {
      facts.body = bodyFacts(args[1], caught);
      if (facts.body) facts.body.errorShape ??= { span: spanOf(args[1]), reason: 'an error message sent with http.Error()' };
      const code = statusArg(2);
      if (w && code) facts.edits.dropBody = () => [{ start: call.startIndex, end: call.endIndex, newText: `${w}.WriteHeader(${code})` }];
      if (args[1]) facts.edits.replaceBody = (t) => [{ start: args[1].startIndex, end: args[1].endIndex, newText: t }];
      redact(args[1] ? { kind: 'string', node: args[1] } : undefined, undefined);
    } else if (w && stmt) {
      const after = afterStatement(stmt, w, input.calls);
      const written = after.write;
      if (written) {
        facts.body = bodyFacts(written.body, caught);
        if (facts.body) facts.body.span = spanOf(written.whole ? written.call : written.body ?? written.call);
        facts.span = { start: call.startIndex, end: written.call.endIndex };
        if (written.stmt.type === 'expression_statement' || written.stmt.type === 'if_statement') facts.edits.dropBody = () => [removeStatement(text, written.stmt)];
        const b = written.body;
        if (b && !written.whole) facts.edits.replaceBody = (t) => [{ start: b.startIndex, end: b.endIndex, newText: t }];
        redact(writeForm(written.call, written), undefined);
      } else if (after.untouched) {
        facts.noBody = true;
      }
    }
    return facts;
  }

  const recvName = receiver?.type === 'identifier' ? receiver.text : undefined;
  const framework = recvName ? frameworkOf(call, recvName, input.frameworks) : undefined;
  if (ctx.shape === 'newError') {
    facts.body = bodyFacts(args[1], caught);
    if (facts.body) facts.body.errorShape ??= { span: spanOf(args[1]), reason: 'an HTTP error' };
    // The error goes back through the framework; headers still go on the handler's context.
    const c = contextParam(call);
    if (c && stmt) facts.edits.addHeader = (name, value) => [insertBefore(text, stmt, headerStatement(c.framework, c.name, name, value))];
    setHeaders(c?.name, false);
    redact(args[1] ? { kind: 'string', node: args[1] } : undefined, c?.framework);
    return facts;
  }

  setHeaders(recvName, false);
  if (recvName && framework && stmt) facts.edits.addHeader = (name, value) => [insertBefore(text, stmt, headerStatement(framework, recvName, name, value))];
  if (ctx.shape === 'redirect') {
    facts.helper = 'redirect';
    return facts;
  }
  const code = statusArg(0);
  const name = calleeParts(call).name ?? '';
  if (ctx.shape === 'body' && ctx.bodyArg !== undefined) {
    const body = args[ctx.bodyArg];
    facts.body = bodyFacts(body, caught);
    // c.String(500, "failed: %v", err): the error goes in through the format arguments.
    if (name === 'String' && facts.body && caught && !facts.body.rawErrorMessage) {
      const raw = args.slice(2).find((a) => a.text === caught || a.text === `${caught}.Error()`);
      if (raw) facts.body.rawErrorMessage = spanOf(raw);
    }
    const bare = name.startsWith('AbortWith') ? `${recvName}.AbortWithStatus(${code})` : framework === 'echo' ? `${recvName}.NoContent(${code})` : framework === 'gin' ? `${recvName}.Status(${code})` : framework === 'fiber' ? `${recvName}.SendStatus(${code})` : undefined;
    if (bare && code) facts.edits.dropBody = () => [{ start: call.startIndex, end: call.endIndex, newText: bare }];
    if (body) facts.edits.replaceBody = (t) => [{ start: body.startIndex, end: body.endIndex, newText: t }];
    const textual = name === 'String' || name === 'HTML' || name === 'Data' || name === 'Blob';
    redact(body && (name === 'String' ? { kind: 'format', from: body, to: args[args.length - 1] } : textual ? { kind: 'string', node: body } : { kind: 'value', node: body }), framework);
    return facts;
  }
  // statusOnly: Fiber chains the body on the status, c.Status(404).JSON(x).
  const chain = chainAbove(call);
  const send = chain.find((c) => /^(JSON|XML|SendString|Send|Render|JSONP|SendFile|Format)$/.test(calleeParts(c).name ?? ''));
  if (send) {
    const sendName = calleeParts(send).name;
    const sendArgs = namedArgs(send.childForFieldName('arguments'));
    const body = sendName === 'Render' ? sendArgs[1] : sendArgs[0];
    const last = chain[chain.length - 1];
    facts.span = { start: call.startIndex, end: last.endIndex };
    facts.body = bodyFacts(body, caught);
    if (code && recvName) facts.edits.dropBody = () => [{ start: call.startIndex, end: last.endIndex, newText: `${recvName}.SendStatus(${code})` }];
    if (body) facts.edits.replaceBody = (t) => [{ start: body.startIndex, end: body.endIndex, newText: t }];
    redact(body && (sendName === 'JSON' || sendName === 'XML' ? { kind: 'value', node: body } : { kind: 'string', node: body }), framework);
  } else if (name === 'NoContent' || name === 'SendStatus' || name === 'AbortWithStatus') {
    facts.noBody = true;
  } else if (name === 'Status' && !chain.length && stmt && recvName && afterStatement(stmt, recvName, input.calls).untouched) {
    facts.noBody = true;
  }
  return facts;
}

/** The Gin/Echo/Fiber context parameter of the function around `node`, if it has one. */
function contextParam(node: Node): { name: string; framework: Framework } | undefined {
  const inner = functionsAround(node)[0];
  for (const p of inner?.params() ?? []) {
    const framework: Framework | undefined = /gin\.Context$/.test(p.type) ? 'gin' : /echo\.Context$/.test(p.type) ? 'echo' : /fiber\.Ctx$/.test(p.type) ? 'fiber' : undefined;
    if (framework && p.names[0]) return { name: p.names[0], framework };
  }
  return undefined;
}
