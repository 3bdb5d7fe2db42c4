// A response in Ruby: what the call (or assignment, or Rack triple) that sets its status also
// sends (body, headers), and the edits that change it the way Rails / Sinatra / Rack write it.
import type { Node } from '../../parsing/treeSitter';
import type { BranchFact, HeaderFact, OffsetEdit, ResponseFacts } from '../../model';
import { constantFor } from '../../data';
import { namedArgs, spanOf } from '../syntax';
import { bodyFacts } from './bodies';
import { redactEdits } from './redact';
import type { CarrierKind } from './contexts';
import { headerName } from './headers';
import { CONTAINERS, callArgs, callName, lineIndent, pairsByKey, pairKey, receiverOf, startsLine } from './syntax';
import { parentOf } from '../parents';
import { reachesLater, type FlowSyntax } from '../reaches';

/** A statement that sets headers (`response.headers['X'] = v`, `headers 'X' => v`...). Offsets (they are compared often), and the statement for the flow question. */
export interface HeaderStatement {
  start: number;
  /** The statement: one in an earlier `if` or `begin` that falls through reaches later responses too. */
  node: Node;
  /** The statement list it sits in: it applies to responses inside that list. */
  containerStart: number;
  containerEnd: number;
  headers: HeaderFact[];
  /** It sets headers the adapter cannot name (`response.headers.merge!(extra)`). */
  unknown?: boolean;
}

/** Methods called on their own that leave the handler: `raise`, Sinatra's `halt`, Grape's `error!`. */
const LEAVES = /^(raise|fail|halt|throw|exit|abort|error!)$/;

const RUBY_FLOW: FlowSyntax = {
  blocks: CONTAINERS,
  exits: new Set(['return']),
  // `raise NotFound`, a bare `raise`, `render ... and return`.
  exitsBy: (s) => {
    if (s.type === 'identifier') return LEAVES.test(s.text);
    if (s.type === 'call') return !s.childForFieldName('receiver') && LEAVES.test(s.childForFieldName('method')?.text ?? '');
    return s.type === 'binary' && s.childForFieldName('right')?.type === 'return';
  },
  functions: new Set(['method', 'singleton_method', 'block', 'do_block', 'lambda', 'class', 'module', 'singleton_class']),
};

/** A later statement that gives a body to a status set on its own (`status 409` / `response.status =`). */
export interface BodyStatement {
  start: number;
  value: Node;
}

/** Statements grouped by the id of their handler scope (undefined: the file's top level). */
export class ByScope<T> {
  private readonly map = new Map<number | undefined, T[]>();
  add(scopeId: number | undefined, item: T): void {
    const list = this.map.get(scopeId);
    if (list) list.push(item);
    else this.map.set(scopeId, [item]);
  }
  get(scopeId: number | undefined): readonly T[] {
    return this.map.get(scopeId) ?? [];
  }
}

export interface RubyDocument {
  text: string;
  quote: string;
  /** Write new statuses as Rack symbols (`:created`) rather than numbers. */
  symbols: boolean;
  /** The file writes Rack's pre-3.1 names (`:unprocessable_entity`), so new symbols follow them. */
  oldNames: boolean;
  headerStatements: ByScope<HeaderStatement>;
  bodyStatements: ByScope<BodyStatement>;
}

export interface ResponseInput {
  carrier: Node;
  kind: CarrierKind;
  /** The status node, when the status is written. */
  status?: Node;
  scope?: Node;
  branch?: BranchFact;
}

const BODY_KEYS = ['json', 'plain', 'xml', 'html', 'body', 'js'];
/** Rails' own methods with a `status:` option; any other helper is the app's. */
const RAILS_HELPERS = new Set(['respond_with', 'send_data', 'send_file', 'render_to_string']);

/** Builds the facts and edits of the response `input.carrier` sets. */
export function responseFor(doc: RubyDocument, input: ResponseInput): ResponseFacts {
  const { carrier, kind, status, branch } = input;
  const { text } = doc;
  const caught = branch?.kind === 'catch' ? branch.errorName : undefined;
  const facts: ResponseFacts = { span: spanOf(carrier), headers: [], branch, edits: {} };
  const q = (s: string) => `${doc.quote}${s.replace(/\\/g, '\\\\').replace(new RegExp(doc.quote, 'g'), `\\${doc.quote}`)}${doc.quote}`;
  const setHeader = (recv: string, n: string, v: string) => recv === 'response' ? `response.headers[${q(n)}] = ${q(v)}` : `${recv}.set_header(${q(n)}, ${q(v)})`;
  const args = carrier.type === 'call' ? callArgs(carrier) : [];
  const positional = args.filter((a) => a.type !== 'pair' && a.type !== 'hash' && a.type !== 'block_argument');

  switch (kind) {
    case 'render': {
      const pairs = pairsByKey(args);
      const bodyPair = BODY_KEYS.map((k) => pairs.get(k)).find((p) => p);
      const bodyValue = bodyPair?.childForFieldName('value') ?? undefined;
      facts.body = bodyFacts(bodyValue, caught);
      const location = pairs.get('location');
      if (location) facts.headers.push({ name: 'location', span: spanOf(location) });
      facts.edits.addHeader = (n, v) => n.toLowerCase() === 'location' && !location ? appendArg(carrier, `location: ${q(v)}`) : statementInsert(text, carrier, setHeader('response', n, v));
      if (status) {
        facts.edits.dropBody = () => [{ start: carrier.startIndex, end: carrier.endIndex, newText: `head ${status.text}${location ? `, ${location.text}` : ''}` }];
      }
      if (bodyValue) {
        facts.edits.replaceBody = (t) => [{ start: bodyValue.startIndex, end: bodyValue.endIndex, newText: t }];
        const json = pairKey(bodyPair!) === 'json';
        facts.edits.redactBody = (m) => redactEdits(text, bodyValue, carrier, m, caught, q, json, 'logger.error');
      }
      break;
    }
    case 'redirect_to':
    case 'redirect':
      facts.helper = 'redirect';
      facts.edits.addHeader = (n, v) => statementInsert(text, carrier, setHeader('response', n, v));
      break;
    case 'head':
      facts.noBody = true;
      for (const a of args) {
        const key = a.type === 'pair' ? pairKey(a) : undefined;
        if (key && key !== 'status') facts.headers.push({ name: headerName(key), span: spanOf(a) });
        if (a.type === 'hash_splat_argument' || a.type === 'splat_argument' || (a.type === 'pair' && !key)) facts.headersUnknown = true;
      }
      facts.edits.addHeader = (n, v) => appendArg(carrier, /^[A-Za-z][A-Za-z0-9-]*$/.test(n) ? `${n.toLowerCase().replace(/-/g, '_')}: ${q(v)}` : `${q(n)} => ${q(v)}`);
      break;
    case 'halt':
    case 'error': {
      // Sinatra: halt 401, { 'WWW-Authenticate' => 'Bearer' }, 'body'; error 409, 'body'
      const hash = args.find((a, i) => i > 0 && a.type === 'hash');
      const body = positional.length > 1 ? positional[positional.length - 1] : undefined;
      // halt 401, headers, body: headers from a variable.
      if (kind === 'halt' && positional.length > 2 && !hash) facts.headersUnknown = true;
      for (const p of hash ? namedArgs(hash) : []) {
        const key = p.type === 'pair' ? pairKey(p) : undefined;
        if (key) facts.headers.push({ name: key.toLowerCase(), span: spanOf(p) });
      }
      facts.body = bodyFacts(body, caught);
      if (kind === 'halt') {
        facts.edits.addHeader = (n, v) => {
          if (hash) return addPair(hash, `${q(n)} => ${q(v)}`);
          if (body) return [{ start: body.startIndex, end: body.startIndex, newText: `{ ${q(n)} => ${q(v)} }, ` }];
          return appendArg(carrier, `{ ${q(n)} => ${q(v)} }, ${q('')}`);
        };
      } else {
        facts.edits.addHeader = (n, v) => statementInsert(text, carrier, setHeader('response', n, v));
      }
      if (body && status) {
        facts.edits.dropBody = () => hash ? [{ start: body.startIndex, end: body.endIndex, newText: q('') }] : [{ start: status.endIndex, end: body.endIndex, newText: '' }];
        facts.edits.replaceBody = (t) => [{ start: body.startIndex, end: body.endIndex, newText: t }];
      }
      if (body) facts.edits.redactBody = (m) => redactEdits(text, body, carrier, m, caught, q, false, 'logger.error');
      break;
    }
    case 'status':
    case 'assign': {
      const recv = kind === 'assign' ? receiverOf(carrier.childForFieldName('left')!)?.text ?? 'response' : 'response';
      const end = carrier.endIndex;
      const later = doc.bodyStatements.get(input.scope?.id).find((b) => b.start > end);
      if (later) facts.body = bodyFacts(later.value, caught);
      facts.edits.addHeader = (n, v) => statementInsert(text, carrier, setHeader(recv, n, v));
      break;
    }
    case 'triple': {
      const [, headers, body] = namedArgs(carrier);
      if (headers && headers.type !== 'hash') facts.headersUnknown = true;
      if (headers?.type === 'hash') {
        for (const p of namedArgs(headers)) {
          const key = p.type === 'pair' ? pairKey(p) : undefined;
          if (key) facts.headers.push({ name: key.toLowerCase(), span: spanOf(p) });
        }
        facts.edits.addHeader = (n, v) => addPair(headers, `${q(n.toLowerCase())} => ${q(v)}`);
      }
      if (body) {
        const only = body.type === 'array' && body.namedChildCount === 1 ? body.namedChild(0)! : body;
        if (body.type === 'array' && body.namedChildCount === 0) facts.noBody = true;
        facts.body = facts.noBody ? undefined : bodyFacts(only, caught);
        if (!facts.noBody) facts.edits.redactBody = (m) => redactEdits(text, only, carrier, m, caught, q, false, 'warn');
        facts.edits.dropBody = () => [{ start: body.startIndex, end: body.endIndex, newText: '[]' }];
        facts.edits.replaceBody = (t) => [{ start: body.startIndex, end: body.endIndex, newText: `[${t}]` }];
      }
      break;
    }
    case 'rack_new': {
      const body = positional[0];
      const headers = positional[2];
      facts.body = bodyFacts(body, caught);
      if (body) facts.edits.redactBody = (m) => redactEdits(text, body, carrier, m, caught, q, false, 'warn');
      if (headers && headers.type !== 'hash') facts.headersUnknown = true;
      const hash = args.find((a) => a.type === 'hash');
      // The headers in braces, or written bare after the status (`302, 'Location' => url`).
      for (const p of hash ? namedArgs(hash) : args.filter((a) => a.type === 'pair')) {
        const key = p.type === 'pair' ? pairKey(p) : undefined;
        if (key) facts.headers.push({ name: key.toLowerCase(), span: spanOf(p) });
      }
      facts.edits.addHeader = (n, v) => hash ? addPair(hash, `${q(n.toLowerCase())} => ${q(v)}`) : headers ? undefined : appendArg(carrier, `{ ${q(n.toLowerCase())} => ${q(v)} }`);
      break;
    }
    case 'returned': {
      // A Sinatra route's value: `{ ... }.to_json` or `json(...)`; the status goes in a `status` line before it.
      facts.body = bodyFacts(carrier, caught);
      const args = callName(carrier) === 'json' ? callArgs(carrier) : [];
      const value = callName(carrier) === 'to_json' ? carrier : args.length === 1 && args[0].type === 'hash' ? args[0] : undefined;
      if (value) facts.edits.redactBody = (m) => redactEdits(text, value, carrier, m, caught, q, true, 'logger.error');
      facts.edits.addHeader = (n, v) => statementInsert(text, carrier, setHeader('response', n, v));
      break;
    }
    case 'helper': {
      // respond_with @post, status: :created, location: @post
      const location = pairsByKey(args).get('location');
      if (location) facts.headers.push({ name: 'location', span: spanOf(location) });
      // The app's own helper (`render_error(msg, status: :unauthorized)`) may set headers itself.
      if (!RAILS_HELPERS.has(callName(carrier) ?? '')) facts.headersUnknown = true;
      facts.edits.addHeader = (n, v) => statementInsert(text, carrier, setHeader('response', n, v));
      break;
    }
  }
  // Headers set by statements of the same handler around it: before a call that answers at
  // once (render, head, halt), anywhere in the block for a status set on its own.
  const settles = kind === 'status' || kind === 'assign';
  const at = carrier.startIndex;
  for (const h of doc.headerStatements.get(input.scope?.id)) {
    if (!settles && h.start > at) continue;
    // In the statement list around it, or in an earlier `if` or `begin` that falls through to it
    // (not one that returns or raises first, nor the other branch, nor a block).
    if ((h.containerStart <= at && at < h.containerEnd) || (h.start < at && reachesLater(h.node, carrier, RUBY_FLOW))) {
      facts.headers.push(...h.headers);
      if (h.unknown) facts.headersUnknown = true;
    }
  }
  return facts;
}

/** How a new status is written in this file: a Rack symbol when the file uses them, else a number. */
export function statusLiteral(doc: RubyDocument, code: number): string {
  const name = doc.symbols ? rackName(code, doc.oldNames) : undefined;
  return name ? `:${name}` : String(code);
}

/**
 * The names Rack 3.1 changed, as Rack 2.0 to 3.0 write them. Older Racks do not know the new
 * names, so a file that still writes an old name gets these. The data's other old Rack names
 * (`:request_uri_too_long`, `:requested_range_not_satisfiable`) are Rack 1's: Rack 2 already
 * writes 414 and 416 the current way and would not know them.
 */
export const RACK_BEFORE_3_1: Readonly<Record<number, string>> = { 413: 'payload_too_large', 422: 'unprocessable_entity' };

/** The Rack symbol for a code, in the names of the file's Rack (`oldNames`: before 3.1). */
export function rackName(code: number, oldNames: boolean): string | undefined {
  return (oldNames ? RACK_BEFORE_3_1[code] : undefined) ?? constantFor('rack', code);
}

/** Adds `, text` after a call's last argument (inside its parentheses when it has them). */
export function appendArg(call: Node, newText: string): OffsetEdit[] | undefined {
  const list = call.childForFieldName('arguments');
  const args = namedArgs(list);
  if (!list || !args.length) return undefined;
  const last = args[args.length - 1];
  return [{ start: last.endIndex, end: last.endIndex, newText: `, ${newText}` }];
}

function addPair(hash: Node, pairText: string): OffsetEdit[] {
  const pairs = namedArgs(hash);
  if (!pairs.length) return [{ start: hash.startIndex, end: hash.endIndex, newText: `{ ${pairText} }` }];
  const last = pairs[pairs.length - 1];
  return [{ start: last.endIndex, end: last.endIndex, newText: `, ${pairText}` }];
}

/**
 * Puts a statement before the one holding `node`, on its own line when the statement starts a
 * line, else separated by `;`. Undefined under a modifier (`render ... if x`): the new statement
 * would not share the condition.
 */
export function statementInsert(text: string, node: Node, code: string): OffsetEdit[] | undefined {
  let stmt = node;
  const up = parentOf(node);
  const upper = parentOf(up);
  if (up?.type === 'argument_list' && upper?.type === 'return') stmt = upper;
  else if (up?.type === 'return') stmt = up;
  const p = parentOf(stmt);
  if (!p || !CONTAINERS.has(p.type)) return undefined;
  const at = stmt.startIndex;
  if (startsLine(text, at)) return [{ start: at, end: at, newText: `${code}\n${lineIndent(text, at)}` }];
  return [{ start: at, end: at, newText: `${code}; ` }];
}
