// Response headers in C#: `Response.Headers["Location"] = ...`, `Response.Headers.Append("Retry-After", "30")`,
// the typed properties (`Response.Headers.WWWAuthenticate = ...`), with names written as strings
// or as `HeaderNames.RetryAfter`; and where a new header line goes for a response.
import type { Node } from '../../parsing/treeSitter';
import type { HeaderFact, OffsetEdit, ResponseFacts } from '../../model';
import { namedArgs, spanOf } from '../syntax';
import { isControllerClass } from './helpers';
import { callParts, csString, enclosingClass, enclosingFunction, lineIndent, stringValue, typeName } from './nodes';
import { canonicalResponse, headersOutOfSight } from './outOfSight';
import { parentOf, upTo } from '../ancestry';
import { reachesLater, type FlowSyntax } from '../reaches';

/** `RetryAfter` -> `retry-after`, `WWWAuthenticate` -> `www-authenticate`, `ETag` -> `etag`. */
export function headerFromProperty(name: string): string {
  if (name === 'WWWAuthenticate') return 'www-authenticate';
  if (name === 'ETag') return 'etag';
  return name.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();
}

function headerName(arg: Node | undefined): string | undefined {
  if (!arg) return undefined;
  const s = stringValue(arg);
  if (s !== undefined) return s.toLowerCase();
  if (arg.type === 'member_access_expression' && /(^|\.)HeaderNames$/.test(arg.childForFieldName('expression')?.text ?? '')) {
    return headerFromProperty(arg.childForFieldName('name')?.text ?? '');
  }
  return undefined;
}

/** Methods of a header dictionary (or of one typed header collection) that add a header. */
export const HEADER_CALLS = /^(Append|Add|TryAdd|Set|AppendCommaSeparatedValues|TryAddWithoutValidation|ParseAdd)$/;

export interface HeaderWrite {
  /** The response expression written to: `Response`, `context.Response`. */
  receiver: string;
  fact: HeaderFact;
  node: Node;
  /** The block the write's statement is in (found once: walking up a tree is not free). */
  block?: { start: number; end: number };
  /** The header's name is a variable (`Headers[name] = value`): the response may carry any header. */
  unnamed?: boolean;
}

function blockOf(node: Node): { start: number; end: number } | undefined {
  return upTo('cs.block', parentOf(node), (n) => (n.type === 'block' ? { start: n.startIndex, end: n.endIndex } : undefined), undefined);
}

/**
 * The response a `Headers` member belongs to: `Response` for `Response.Headers` (and for
 * `HttpContext.Response.Headers`), `response` for an HttpResponseMessage's `response.Content.Headers`.
 */
function ownerOf(headers: Node): string {
  const text = headers.childForFieldName('expression')?.text ?? '';
  return canonicalResponse(text.replace(/\.Content$/, ''));
}

/** `Response.GetTypedHeaders()`: the typed view of a response's headers. */
function typedHeadersOwner(node: Node | null): string | undefined {
  if (node?.type !== 'invocation_expression') return undefined;
  const { name, receiver } = callParts(node);
  return name === 'GetTypedHeaders' && receiver ? canonicalResponse(receiver.text) : undefined;
}

/** The header an assignment or call writes, if it writes one on `<receiver>.Headers`. */
export function headerWrite(node: Node): HeaderWrite | undefined {
  if (node.type === 'assignment_expression') {
    const left = node.childForFieldName('left');
    if (left?.type === 'element_access_expression') {
      const target = left.childForFieldName('expression');
      const sub = namedArgs(left.childForFieldName('subscript')).find((a) => a.type === 'argument');
      const name = headerName(sub?.namedChild(sub.namedChildCount - 1) ?? undefined);
      if (target?.type === 'member_access_expression' && target.childForFieldName('name')?.text === 'Headers' && sub) {
        // `Headers[name] = value` from a loop: some header, which one the code does not say.
        return { receiver: ownerOf(target), fact: { name: name ?? '', span: spanOf(sub) }, node, block: blockOf(node), unnamed: !name };
      }
    }
    if (left?.type === 'member_access_expression') {
      const headers = left.childForFieldName('expression');
      const prop = left.childForFieldName('name');
      if (headers?.type === 'member_access_expression' && headers.childForFieldName('name')?.text === 'Headers' && prop) {
        return { receiver: ownerOf(headers), fact: { name: headerFromProperty(prop.text), span: spanOf(prop) }, node, block: blockOf(node) };
      }
      // Response.GetTypedHeaders().Location = uri
      const typed = typedHeadersOwner(headers);
      if (typed !== undefined && prop) return { receiver: typed, fact: { name: headerFromProperty(prop.text), span: spanOf(prop) }, node, block: blockOf(node) };
    }
    return undefined;
  }
  if (node.type === 'invocation_expression') {
    const { name, receiver, args } = callParts(node);
    if (!name || !HEADER_CALLS.test(name)) return undefined;
    if (receiver?.type !== 'member_access_expression') return undefined;
    const prop = receiver.childForFieldName('name');
    if (prop?.text !== 'Headers') {
      // HttpResponseMessage: response.Headers.WwwAuthenticate.Add(...), response.Content.Headers.Allow.Add("GET")
      const headers = receiver.childForFieldName('expression');
      if (headers?.type !== 'member_access_expression' || headers.childForFieldName('name')?.text !== 'Headers' || !prop) return undefined;
      return { receiver: ownerOf(headers), fact: { name: headerFromProperty(prop.text), span: spanOf(prop) }, node, block: blockOf(node) };
    }
    if (!args[0]) return undefined;
    const h = headerName(args[0].value);
    return { receiver: ownerOf(receiver), fact: { name: h ?? '', span: spanOf(args[0].value) }, node, block: blockOf(node), unnamed: !h };
  }
  return undefined;
}

/** How code at `node` reaches the response headers: `Response` in a controller, `ctx.Response` in a lambda taking HttpContext. */
export function headersTarget(node: Node): string | undefined {
  const found = upTo('cs.headersTarget', parentOf(node), (n): string | null | undefined => {
    if (n.type === 'lambda_expression' || n.type === 'local_function_statement' || n.type === 'method_declaration') {
      const params = n.childForFieldName('parameters');
      for (const p of namedArgs(params)) {
        const type = typeName(p.childForFieldName('type'));
        const name = p.childForFieldName('name')?.text;
        if (name && type === 'HttpContext') return `${name}.Response`;
        if (name && type === 'HttpResponse') return name;
      }
    }
    return n.type === 'class_declaration' ? null : undefined;
  }, null);
  if (found) return found;
  return isControllerClass(enclosingClass(node)) ? 'Response' : undefined;
}

/** A header line before the statement that holds `node`, or undefined when it is not in a block. */
export function headerLineBefore(text: string, node: Node, target: string | undefined, name: string, value: string): OffsetEdit[] | undefined {
  if (!target) return undefined;
  // The first statement around the node must sit in a block: `if (x) return NotFound();` has none.
  let stmt: Node | null = node;
  while (stmt && !/_statement$/.test(stmt.type)) {
    if (stmt.type === 'lambda_expression' || stmt.type === 'method_declaration') return undefined;
    stmt = parentOf(stmt);
  }
  if (!stmt || parentOf(stmt)?.type !== 'block') return undefined;
  return [{ start: stmt.startIndex, end: stmt.startIndex, newText: `${target}.Headers[${csString(name)}] = ${csString(value)};\n${lineIndent(text, stmt.startIndex)}` }];
}

const CS_FLOW: FlowSyntax = {
  blocks: new Set(['block', 'switch_section']),
  exits: new Set(['return_statement', 'throw_statement']),
  functions: new Set(['method_declaration', 'local_function_statement', 'lambda_expression', 'anonymous_method_expression', 'constructor_declaration', 'class_declaration']),
};

/**
 * Whether a write before `node` in its function is still on the response there: in a block that
 * also holds `node`, or in an earlier branch or `{ }` block that falls through to it.
 */
export function writeReaches(w: HeaderWrite, node: Node): boolean {
  if (w.block && w.block.start <= node.startIndex && node.endIndex <= w.block.end) return true;
  return reachesLater(w.node, node, CS_FLOW);
}

/** Headers written on `receiver` before `node` that are still on the response there (see writeReaches). */
export function headersBefore(writes: HeaderWrite[], receiver: string | undefined, node: Node): { headers: HeaderFact[]; unknown: boolean } {
  const out = { headers: [] as HeaderFact[], unknown: false };
  if (!receiver) return out;
  const fn = enclosingFunction(node);
  const from = fn?.startIndex ?? 0;
  for (const w of writes) {
    const at = w.node.startIndex;
    if (w.receiver !== receiver || at >= node.startIndex || at < from) continue;
    // An unnamed write in any branch before: which headers the response carries is not known.
    if (w.unnamed) out.unknown = true;
    else if (writeReaches(w, node)) out.headers.push(w.fact);
  }
  return out;
}

/** What the response code needs to read headers: the text, every header write and every call of the file. */
export interface CsResponseInput {
  text: string;
  writes: HeaderWrite[];
  calls: Node[];
}

/** Adds the headers written on the response at `node` before it, and marks ones set out of sight; returns how the code reaches the response. */
export function seeHeaders(facts: ResponseFacts, input: CsResponseInput, node: Node): string | undefined {
  const target = headersTarget(node);
  const seen = headersBefore(input.writes, target, node);
  facts.headers.push(...seen.headers);
  if (seen.unknown || headersOutOfSight(input.text, input.calls, target, node)) facts.headersUnknown = true;
  return target;
}
