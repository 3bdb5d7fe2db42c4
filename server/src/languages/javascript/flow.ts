// Whether code after a statement runs after it: `res.status(304); return;` ends its branch, so a
// `res.json(x)` after the `if` belongs to another response. Only what the statement lists show is
// judged (a return, throw, break or continue between the two); anything else counts as reachable.
import type { Node } from '../../parsing/treeSitter';
import { endOf, kids, parentOf, typeOf } from './nodes';

const LISTS = new Set(['statement_block', 'program', 'switch_case', 'switch_default', 'class_static_block']);
const JUMPS = new Set(['return_statement', 'throw_statement', 'break_statement', 'continue_statement']);
const FUNCTIONS = new Set(['function_declaration', 'function_expression', 'arrow_function', 'method_definition', 'generator_function_declaration', 'generator_function']);
/** How many statement lists a search climbs before it gives up (and counts the call reachable). */
const MAX_LEVELS = 100;

/**
 * The statement list around `node` (within `fn`), the statement of that list that holds `node`,
 * and the innermost jump passed on the way (`return res.end()`, `if (x) return res.end()`).
 */
function statementIn(node: Node, fn: Node): { list: Node; statement: Node; jump?: Node } | undefined {
  let child = node;
  let jump: Node | undefined;
  for (let n = parentOf(node); n && n.id !== fn.id; child = n, n = parentOf(n)) {
    const type = typeOf(n);
    if (LISTS.has(type)) return { list: n, statement: child, jump };
    if (FUNCTIONS.has(type)) return undefined;
    if (!jump && JUMPS.has(type)) jump = n;
  }
  return undefined;
}

/**
 * True unless a jump ends the way from `from` (a status being set) to `to` (a later call in the
 * same function `fn`): `from` is inside a jump (`return res.status(304)`), or a jump stands in
 * one of the statement lists around `from`, after it and before `to` (or before the list ends,
 * when `to` comes after the list).
 */
export function reachable(from: Node, to: Node, fn: Node): boolean {
  const target = to.startIndex;
  let at: Node = from;
  for (let level = 0; level < MAX_LEVELS; level++) {
    const around = statementIn(at, fn);
    if (!around) return true;
    const { list, statement, jump } = around;
    // `return res.status(304).end()`: nothing after the return statement runs.
    if (jump) return target < endOf(jump);
    const after = endOf(statement);
    for (const s of kids(list)) {
      if (s.startIndex < after) continue;
      if (s.startIndex >= target) return true;
      // A jump that ends before the call (not `return res.end()`, which holds it).
      if (JUMPS.has(typeOf(s)) && endOf(s) <= target) return false;
    }
    if (target < endOf(list)) return true;
    // The call comes after this list: climb to the statement that holds the list.
    at = list;
  }
  return true;
}
