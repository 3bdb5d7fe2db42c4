// The fix for a leaking error body in Ruby: send a generic message in the same shape (a hash
// for JSON, a string for text), keep a request id the body already carries, and log the
// exception on the server where its detail belongs.
import type { Node } from '../../parsing/treeSitter';
import type { OffsetEdit } from '../../model';
import { namedArgs } from '../syntax';
import { callName, containerOf, lineIndent, pairKey, receiverOf, startsLine } from './syntax';

const REQUEST_ID = /^(request_?id|req_?id|trace_?id|correlation_?id|span_?id)$/i;
const LOGS = /^((Rails\.)?logger\.(error|warn|fatal|info)|warn|\$stderr\.puts|Sentry\.capture_exception|Honeybadger\.notify|Bugsnag\.notify)$/;

/** The exception the body leaks: the rescued variable, or the receiver of `x.backtrace` / `x.message`. */
function leakedName(body: Node, caught: string | undefined): string | undefined {
  if (caught) return caught;
  const stack: Node[] = [body];
  while (stack.length) {
    const n = stack.pop()!;
    if (n.type === 'call' && /^(backtrace|message|full_message)$/.test(callName(n) ?? '')) {
      const recv = receiverOf(n);
      if (recv?.type === 'identifier') return recv.text;
    }
    for (let i = 0; i < n.namedChildCount; i++) {
      const c = n.namedChild(i);
      if (c) stack.push(c);
    }
  }
  return undefined;
}

function alreadyLogged(container: Node, name: string): boolean {
  const re = new RegExp(`(^|[^\\w@$.])${name}\\b`);
  for (const s of namedArgs(container)) {
    if (s.type !== 'call') continue;
    const callee = receiverOf(s) ? `${receiverOf(s)!.text}.${callName(s)}` : callName(s) ?? '';
    if (LOGS.test(callee) && re.test(s.childForFieldName('arguments')?.text ?? '')) return true;
  }
  return false;
}

/**
 * Edits that replace `body` with `message` and log the leaked exception before the statement
 * holding `carrier`. `asHash`: the body is JSON (`render json:`), so the message goes in a hash.
 * `log` is the call that writes to the server log in this kind of code.
 */
export function redactEdits(text: string, body: Node, carrier: Node, message: string, caught: string | undefined, q: (s: string) => string, asHash: boolean, log: string): OffsetEdit[] {
  let target = body;
  if (target.type === 'call' && callName(target) === 'to_json' && receiverOf(target)?.type === 'hash') target = receiverOf(target)!;
  let replacement: string;
  if (target.type === 'hash' || asHash) {
    const pairs = target.type === 'hash' ? namedArgs(target).filter((p) => p.type === 'pair') : [];
    const kept = pairs.filter((p) => REQUEST_ID.test(pairKey(p) ?? ''));
    const keyPair = ['error', 'message', 'detail', 'title'].map((k) => pairs.find((p) => pairKey(p) === k)).find((p) => p);
    const key = keyPair ? pairKey(keyPair)! : 'error';
    const keyNode = keyPair?.childForFieldName('key');
    const keyText = !keyNode || keyNode.type === 'hash_key_symbol' ? `${key}: ` : keyNode.type === 'simple_symbol' ? `:${key} => ` : `${q(key)} => `;
    replacement = `{ ${keyText}${q(message)}${kept.map((p) => `, ${p.text}`).join('')} }`;
  } else {
    replacement = q(message);
  }
  const edits: OffsetEdit[] = [];
  const name = leakedName(body, caught);
  const where = containerOf(carrier);
  if (name && where && startsLine(text, where.statement.startIndex) && !alreadyLogged(where.container, name) && !where.statement.type.endsWith('_modifier')) {
    edits.push({ start: where.statement.startIndex, end: where.statement.startIndex, newText: `${log}(${name}.full_message)\n${lineIndent(text, where.statement.startIndex)}` });
  }
  edits.push({ start: target.startIndex, end: target.endIndex, newText: replacement });
  return edits;
}
