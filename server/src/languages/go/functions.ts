// The functions of a Go file by span, so "the functions around this node" is a binary search
// rather than a walk up the tree from every call and response, and each function's parameters
// are read once (contextParamType / isContextReceiver ask for every call).
import { parentOf } from '../ancestry';
import type { Node, Tree } from '../../parsing/treeSitter';
import { namedArgs } from '../syntax';
import { firstAbove } from '../sorted';

export interface Param {
  names: string[];
  /** The type as written, without spaces (`*gin.Context`). */
  type: string;
}

const FUNCTIONS = ['function_declaration', 'method_declaration', 'func_literal'];

export class FunctionIndex {
  private readonly fns: Node[] = [];
  private readonly starts: number[] = [];
  private readonly ends: number[] = [];
  private readonly parents: number[] = [];
  private readonly params: (Param[] | undefined)[] = [];

  /** Adds a function; functions come in source order, an outer one before those inside it. */
  add(fn: Node): void {
    const start = fn.startIndex;
    let p = this.fns.length - 1;
    while (p >= 0 && this.ends[p] <= start) p = this.parents[p];
    this.fns.push(fn);
    this.starts.push(start);
    this.ends.push(fn.endIndex);
    this.parents.push(p);
    this.params.push(undefined);
  }

  /** The functions strictly around `node`, innermost first (as indexes). */
  around(node: Node): number[] {
    const start = node.startIndex;
    const lo = firstAbove(this.starts, start);
    const out: number[] = [];
    let end: number | undefined;
    for (let i = lo - 1; i >= 0; i = this.parents[i]) {
      // A function starting where the node starts is the node itself, or inside it (func(){}()).
      if (this.starts[i] === start) {
        end ??= node.endIndex;
        if (end < this.ends[i]) out.push(i);
      } else if (start < this.ends[i]) {
        out.push(i);
      }
    }
    return out;
  }

  fn(i: number): Node {
    return this.fns[i];
  }

  paramsOf(i: number): Param[] {
    return (this.params[i] ??= readParams(this.fns[i]));
  }
}

function readParams(fn: Node): Param[] {
  return namedArgs(fn.childForFieldName('parameters')).map((p) => ({
    names: namedArgs(p).filter((c) => c.type === 'identifier').map((c) => c.text),
    type: p.childForFieldName('type')?.text.replace(/\s+/g, '') ?? '',
  }));
}

const indexes = new WeakMap<Tree, FunctionIndex>();

/** Makes `index` the one lookups on nodes of `tree` use (the extraction fills it as it walks). */
export function useFunctionIndex(tree: Tree, index: FunctionIndex): void {
  indexes.set(tree, index);
}

/** The functions around `node`, innermost first, with their parameters. */
export function functionsAround(node: Node): { fn: Node; params: () => Param[] }[] {
  const index = indexes.get(node.tree);
  if (index) return index.around(node).map((i) => ({ fn: index.fn(i), params: () => index.paramsOf(i) }));
  const out: { fn: Node; params: () => Param[] }[] = [];
  for (let n = parentOf(node); n; n = parentOf(n)) {
    if (!FUNCTIONS.includes(n.type)) continue;
    const fn = n;
    out.push({ fn, params: () => readParams(fn) });
  }
  return out;
}

/** The innermost function around `node`. */
export function enclosingFunctionOf(node: Node): Node | undefined {
  const index = indexes.get(node.tree);
  if (index) {
    const i = index.around(node)[0];
    return i === undefined ? undefined : index.fn(i);
  }
  for (let n = parentOf(node); n; n = parentOf(n)) if (FUNCTIONS.includes(n.type)) return n;
  return undefined;
}
