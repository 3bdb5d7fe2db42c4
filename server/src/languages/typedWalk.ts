// One pass over a tree that builds Node objects only for the node types an adapter asks for.
// tree-sitter collects them in one call into wasm (`descendantsOfType`), in source order with
// outer nodes before the nodes inside them; a cursor walk instead crosses into wasm at every step
// of every node, which costs more than the rest of an extract on large files.
import type { Node, Tree } from '../parsing/treeSitter';

/**
 * Visits the nodes whose type is in `wanted`, in source order. `enter` returns false to skip the
 * wanted nodes inside a node; those inside other nodes are always visited.
 */
export function walkWanted(tree: Tree, wanted: ReadonlySet<string>, enter: (node: Node) => boolean | void): void {
  let skipUntil = -1;
  for (const node of tree.rootNode.descendantsOfType([...wanted])) {
    if (!node || node.startIndex < skipUntil) continue;
    if (enter(node) === false) skipUntil = Math.max(skipUntil, node.endIndex);
  }
}

/** The token a literal starts at `start` spells (`404`, `0x1F`, `10L`), read from the text, not the tree. */
export function tokenAt(text: string, start: number): string {
  return /^\w*/.exec(text.slice(start, start + 24))![0];
}

/**
 * Whether the literal at `start` follows a token after which a status can stand: `(`, `,`, `=`
 * (of `==`, `!=` or a named argument), `?`, `:`, `{`, the `)` of a cast, or `case`, `is`, `or`,
 * `and`, `not`. Numbers in arithmetic, comparisons by size, indexes and `return 0` are turned
 * away from the text alone, before any call into wasm.
 */
export function followsValueToken(text: string, start: number): boolean {
  let i = start - 1;
  while (i >= 0 && (text[i] === ' ' || text[i] === '\t' || text[i] === '\n' || text[i] === '\r')) i--;
  const c = text[i];
  if (c === undefined) return false;
  if ('(,=?:{)'.includes(c)) return c !== '=' || !'<>'.includes(text[i - 1] ?? '');
  return /\b(case|is|or|and|not)$/.test(text.slice(Math.max(0, i - 4), i + 1));
}
