// What a function does with one response object: the calls made on it (`res.set(...)`,
// `res.json(...)`), the calls it is handed to (`sendError(res, ...)`) and the assignments to its
// properties (`ctx.body = ...`). Found by searching the function's code for the object's name and
// asking the tree about each place, instead of reading every call of the file; computed once
// per function and name.
import type { Node } from '../../parsing/treeSitter';
import { codeOf } from './code';
import { outermostFunction } from './branches';
import { endOf, exactShapes, field, memo, parentOf, propertyName, sameNode, sourceOf, textOf, typeOf } from './nodes';
import { isIdentPart } from './chars';
import { PathSeeker } from './seek';
import { firstAtLeast } from '../sorted';

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
  return memo(fn, `uses:${receiver}`, () => {
    // Searched once in the outermost function around `fn`, and cut down to `fn`'s span: a
    // search per function would read a deep nest of functions once per level.
    const top = outermostFunction(fn);
    const all = memo(top, `allUses:${receiver}`, () => findUses(top, receiver));
    return top.id === fn.id ? all.uses : within(all, fn.startIndex, endOf(fn));
  });
}

/** The uses in a function, and where the receiver of each is written (ascending). */
interface FoundUses {
  uses: ReceiverUses;
  at: { calls: number[]; passed: number[]; assigned: number[] };
}

/** The uses whose receiver is written in [start, end): those a search of that span finds. */
function within(all: FoundUses, start: number, end: number): ReceiverUses {
  const cut = <T>(list: T[], at: number[]): T[] => list.slice(firstAtLeast(at, start), firstAtLeast(at, end));
  return { calls: cut(all.uses.calls, all.at.calls), passed: cut(all.uses.passed, all.at.passed), assigned: cut(all.uses.assigned, all.at.assigned) };
}

/** Words that are names in some places and syntax in others. */
const CONTEXTUAL = new Set(['async', 'get', 'set', 'static', 'of', 'let', 'yield', 'await', 'type', 'declare', 'abstract', 'readonly', 'namespace', 'module', 'global', 'accessor', 'override', 'satisfies', 'as', 'is', 'keyof', 'infer', 'asserts', 'unique', 'from', 'target', 'meta', 'enum', 'interface', 'implements', 'private', 'protected', 'public', 'constructor', 'require']);

function findUses(fn: Node, receiver: string): FoundUses {
  const uses: ReceiverUses = { calls: [], passed: [], assigned: [] };
  const at: FoundUses['at'] = { calls: [], passed: [], assigned: [] };
  const { code, start } = codeOf(fn);
  const re = new RegExp(`(?<![\\w$])${receiver.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\w$])`, 'g');
  const seeker = new PathSeeker(fn);
  // A plain name found where no name character follows is the whole token there: the innermost
  // node that starts with it is that name (its text needs no reading), unless the name is also
  // a word of the syntax (`async function () {}` starts with `async` and is no name).
  const source = sourceOf(fn);
  const exact = exactShapes(fn);
  const plain = source !== undefined && /^[\w$]+$/.test(receiver) && !CONTEXTUAL.has(receiver);
  for (let m = re.exec(code); m; m = re.exec(code)) {
    const offset = start + m.index;
    const node = seeker.at(offset, offset + receiver.length);
    if (!node || node.startIndex !== offset) continue;
    if (plain ? isIdentPart(source.charCodeAt(offset + receiver.length)) : textOf(node) !== receiver) continue;
    const p = parentOf(node);
    const pt = typeOf(p);
    // In a tree without errors a child that starts with its parent is its first field.
    if (pt === 'member_expression' && (exact ? node.startIndex === p!.startIndex : sameNode(field(p, 'object'), node))) {
      const gp = parentOf(p);
      const gt = typeOf(gp);
      if (gt === 'call_expression' && (exact ? p!.startIndex === gp!.startIndex : sameNode(field(gp, 'function'), p))) {
        uses.calls.push({ call: gp!, name: propertyName(p!) ?? '' });
        at.calls.push(offset);
      } else if (gt === 'assignment_expression' && (exact ? p!.startIndex === gp!.startIndex : sameNode(field(gp, 'left'), p))) {
        uses.assigned.push({ assignment: gp!, prop: textOf(field(p, 'property')) });
        at.assigned.push(offset);
      } else if ((gt === 'member_expression' || gt === 'subscript_expression') && propertyName(p!) === 'headers' && sameNode(field(gp, 'object'), p)) {
        // The response's header map: `res.headers.set('Retry-After', '60')` (fetch, Next.js), or
        // `set.headers['WWW-Authenticate'] = ...` (Elysia).
        const ggp = parentOf(gp);
        const ggt = typeOf(ggp);
        if (gt === 'member_expression' && ggt === 'call_expression' && sameNode(field(ggp, 'function'), gp)) {
          uses.calls.push({ call: ggp!, name: propertyName(gp!) ?? '' });
          at.calls.push(offset);
        } else if (ggt === 'assignment_expression' && sameNode(field(ggp, 'left'), gp)) {
          uses.assigned.push({ assignment: ggp!, prop: 'headers' });
          at.assigned.push(offset);
        }
      }
    } else if (pt === 'arguments' && typeOf(node) === 'identifier') {
      const call = parentOf(p);
      if (typeOf(call) === 'call_expression') {
        uses.passed.push(call!);
        at.passed.push(offset);
      }
    }
  }
  return { uses, at };
}
