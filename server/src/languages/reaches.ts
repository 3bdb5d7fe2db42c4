// Whether a header set earlier in a function is still on the response where a later statement
// sets the status. A set in a block that also holds the status reaches it; so does one inside an
// earlier `if`, `try`, loop or plain `{ }` block that falls through to the status (a Spring entry
// point that sends WWW-Authenticate except to XHR callers, then 401 for everyone). A set in a
// branch that returns or throws first, in a sibling branch (`if` / `else`, `try` / `catch`), or in
// a lambda does not.
import type { Node } from '../parsing/treeSitter';
import { parentOf, remembered } from './ancestry';

/** The node types of one grammar that the question needs. */
export interface FlowSyntax {
  /** Statement lists: `block`, a switch section. */
  blocks: ReadonlySet<string>;
  /** Statements that leave the function: `return`, `throw`. */
  exits: ReadonlySet<string>;
  /** A statement of another type that leaves too: PHP's `throw` or `die()`, Ruby's `raise`, Go's `panic()`. */
  exitsBy?(statement: Node): boolean;
  /** Where another function starts: a lambda, a local function, a class body. */
  functions: ReadonlySet<string>;
}

/**
 * Whether what `earlier` does to the response still holds at `later`, in the same function,
 * with `earlier` before it. Climbs from `earlier` to the first node that holds `later`: that must
 * be a statement list, and no list on the way may return or throw after `earlier`.
 */
export function reachesLater(earlier: Node, later: Node, syntax: FlowSyntax): boolean {
  const [from, to] = [later.startIndex, later.endIndex];
  let child = earlier;
  for (let n = parentOf(earlier); n; child = n, n = parentOf(n)) {
    if (n.startIndex <= from && to <= n.endIndex) return syntax.blocks.has(n.type);
    if (syntax.functions.has(n.type)) return false;
    if (syntax.blocks.has(n.type) && lastExit(n, syntax) > child.startIndex) return false;
  }
  return false;
}

/** Where the last `return` / `throw` (or `exitsBy` statement) among a block's own statements starts, or -1. */
function lastExit(block: Node, syntax: FlowSyntax): number {
  return remembered('flow.lastExit', block, (b) => {
    for (let i = b.namedChildCount - 1; i >= 0; i--) {
      const s = b.namedChild(i);
      if (s && (syntax.exits.has(s.type) || syntax.exitsBy?.(s))) return s.startIndex;
    }
    return -1;
  });
}
