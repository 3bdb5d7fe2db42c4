// The statements that set headers on a Ruby response apart from the call that answers:
// `response.headers['X'] = v`, `response.set_header('X', v)`, Sinatra's `headers 'X' => v`,
// Grape's `header 'X', v`.
import type { Node } from '../../parsing/treeSitter';
import type { HeaderFact } from '../../model';
import { namedArgs, spanOf } from '../syntax';
import { callArgs, callName, pairKey, receiverOf, stringValue } from './syntax';
import { typeOf } from '../parents';

/** Rails `head` options become headers: `retry_after:` -> `retry-after`. */
export function headerName(key: string): string {
  return key.replace(/_/g, '-').toLowerCase();
}

/** Headers a statement sets, if it is one of the header-setting forms; `unknown` when it sets some from a variable. */
/** The method names of the call forms that set headers; any other call is passed over at once. */
const HEADER_CALLS = new Set(['set_header', 'add_header', 'merge!', 'update', 'header', 'headers']);

/**
 * Headers a statement sets, if it is one of the header-setting forms; `unknown` when it sets some
 * from a variable. `name` is the method name of a call, when the caller has read it already.
 */
export function headerStatement(node: Node, name = callName(node)): { headers: HeaderFact[]; unknown?: boolean } | undefined {
  if (typeOf(node) === 'assignment') {
    const left = node.childForFieldName('left');
    if (left && typeOf(left) === 'element_reference') {
      // response.headers['X'] = v, headers['X'] = v, response['X'] = v
      const obj = left.childForFieldName('object')?.text ?? '';
      if (!/^(@?(response|res|resp)(\.headers)?|headers)$/.test(obj)) return undefined;
      const key = namedArgs(left).find((c) => c.id !== left.childForFieldName('object')?.id);
      const name = stringValue(key);
      return name && key ? { headers: [{ name: name.toLowerCase(), span: spanOf(key) }] } : { headers: [], unknown: true };
    }
    if (left && callName(left) === 'location' && /^@?(response|res)$/.test(receiverOf(left)?.text ?? '')) return { headers: [{ name: 'location', span: spanOf(left) }] };
    return undefined;
  }
  if (!name || !HEADER_CALLS.has(name)) return undefined;
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
    for (const a of args.flatMap((x) => (typeOf(x) === 'hash' ? namedArgs(x) : [x]))) {
      const key = typeOf(a) === 'pair' ? pairKey(a) : undefined;
      if (key) out.push({ name: key.toLowerCase(), span: spanOf(a) });
      else unknown = true;
    }
    return { headers: out, unknown };
  }
  return undefined;
}
