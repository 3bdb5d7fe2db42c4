// What a function does with one response object: the calls made on it (`res.set(...)`,
// `res.json(...)`), the calls it is handed to (`sendError(res, ...)`) and the assignments to its
// properties (`ctx.body = ...`). Found by searching the function's code for the object's name and
// asking the tree about each place, instead of reading every call of the file; computed once
// per function and name.
import type { Node } from '../../parsing/treeSitter';
import { codeOf } from './code';
import { field, memo, parentOf, sameNode, textOf, typeOf } from './nodes';
import { PathSeeker } from './seek';

export interface ReceiverUses {
  /** Calls whose callee is `<receiver>.<name>`, in source order. */
  calls: { call: Node; name: string }[];
  /** Calls that take the receiver (a plain name) as an argument. */
  passed: Node[];
  /** Assignments to `<receiver>.<prop>`, in source order. */
  assigned: { assignment: Node; prop: string }[];
}

/** The uses of `receiver` (its source text, e.g. `res` or `ctx.response`) anywhere in `fn`. */
export function usesIn(fn: Node, receiver: string): ReceiverUses {
  return memo(fn, `uses:${receiver}`, () => findUses(fn, receiver));
}

function findUses(fn: Node, receiver: string): ReceiverUses {
  const uses: ReceiverUses = { calls: [], passed: [], assigned: [] };
  const { code, start } = codeOf(fn);
  const re = new RegExp(`(?<![\\w$])${receiver.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\w$])`, 'g');
  const seeker = new PathSeeker(fn);
  for (let m = re.exec(code); m; m = re.exec(code)) {
    const at = start + m.index;
    const node = seeker.at(at, at + receiver.length);
    if (!node || node.startIndex !== at || textOf(node) !== receiver) continue;
    const p = parentOf(node);
    const pt = typeOf(p);
    if (pt === 'member_expression' && sameNode(field(p, 'object'), node)) {
      const gp = parentOf(p);
      const gt = typeOf(gp);
      if (gt === 'call_expression' && sameNode(field(gp, 'function'), p)) uses.calls.push({ call: gp!, name: textOf(field(p, 'property')) });
      else if (gt === 'assignment_expression' && sameNode(field(gp, 'left'), p)) uses.assigned.push({ assignment: gp!, prop: textOf(field(p, 'property')) });
    } else if (pt === 'arguments' && typeOf(node) === 'identifier') {
      const call = parentOf(p);
      if (typeOf(call) === 'call_expression') uses.passed.push(call!);
    }
  }
  return uses;
}
