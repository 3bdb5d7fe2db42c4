// The statements that set headers on a Ruby response apart from the call that answers:
// `response.headers['X'] = v`, `response.set_header('X', v)`, Sinatra's `headers 'X' => v`,
// Grape's `header 'X', v`.
import type { Node } from '../../parsing/treeSitter';
import type { HeaderFact } from '../../model';
import { namedArgs, spanOf } from '../syntax';
import { callArgs, callName, pairKey, receiverOf, stringValue } from './syntax';

/** Rails `head` options become headers: `retry_after:` -> `retry-after`. */
export function headerName(key: string): string {
  return key.replace(/_/g, '-').toLowerCase();
}

/** Headers a statement sets, if it is one of the header-setting forms; `unknown` when it sets some from a variable. */
export function headerStatement(node: Node): { headers: HeaderFact[]; unknown?: boolean } | undefined {
  if (node.type === 'assignment') {
    const left = node.childForFieldName('left');
    if (left?.type === 'element_reference') {
      // response.headers['X'] = v, headers['X'] = v, response['X'] = v
      const obj = left.childForFieldName('object')?.text ?? '';
      if (!/^(@?(response|res|resp)(\.headers)?|headers)$/.test(obj)) return undefined;
      const key = namedArgs(left).find((c) => c.id !== left.childForFieldName('object')?.id);
      const name = stringValue(key);
      return name && key ? { headers: [{ name: name.toLowerCase(), span: spanOf(key) }] } : { headers: [], unknown: true };
    }
    if (left?.type === 'call' && callName(left) === 'location' && /^@?(response|res)$/.test(receiverOf(left)?.text ?? '')) return { headers: [{ name: 'location', span: spanOf(left) }] };
    return undefined;
  }
  if (node.type !== 'call') return undefined;
  const name = callName(node);
  const recv = receiverOf(node);
  const args = callArgs(node);
  if ((name === 'set_header' || name === 'add_header') && recv && /^@?(response|res|resp)$/.test(recv.text)) {
    const key = stringValue(args[0]);
    return key ? { headers: [{ name: key.toLowerCase(), span: spanOf(args[0]) }] } : { headers: [], unknown: true };
  }
  // response.headers.merge!(extra), headers.update(cors_headers)
  if ((name === 'merge!' || name === 'update') && recv && /^(@?(response|res|resp)\.headers|headers)$/.test(recv.text)) return { headers: [], unknown: true };
  // Grape: header 'Location', url (with one argument it reads a request header).
  if (name === 'header' && !recv && args.length === 2) {
    const key = stringValue(args[0]);
    return key ? { headers: [{ name: key.toLowerCase(), span: spanOf(args[0]) }] } : { headers: [], unknown: true };
  }
  // Sinatra: headers 'X' => 'y'; headers('X' => 'y'); headers(extra)
  if (name === 'headers' && !recv && args.length) {
    const out: HeaderFact[] = [];
    let unknown = false;
    for (const a of args.flatMap((x) => (x.type === 'hash' ? namedArgs(x) : [x]))) {
      const key = a.type === 'pair' ? pairKey(a) : undefined;
      if (key) out.push({ name: key.toLowerCase(), span: spanOf(a) });
      else unknown = true;
    }
    return { headers: out, unknown };
  }
  return undefined;
}
