// ancestry.ts finds parents by descents it records (web-tree-sitter's node.parent descends from
// the root every time). Whatever the order of the questions, inside withAncestry every node's
// parentOf must be its node.parent, including in broken code (zero-width MISSING nodes beside
// real ones, ERROR nodes), and upTo must give the answer a plain climb gives.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadLanguage, parserFor, type GrammarId, type Node, type Tree } from '../../server/src/parsing/treeSitter';
import { parentOf, upTo, withAncestry } from '../../server/src/languages/ancestry';

const SOURCES: [GrammarId, string][] = [
  ['python', "def f(x):\n    if x:\n        return jsonify({'a': [1, (2, 3)]}), 404\n    return g(h(i(j(1))))\nclass C:\n    def post(self): abort(\n"],
  ['go', 'package main\nfunc h(w http.ResponseWriter) {\n\tif x { w.WriteHeader(404) }\n\tf(g(h(1)), []int{1, 2}\n}\n'],
  ['java', 'class C { R m() { if (x) { return R.status(404).body(Map.of("e", 1)); } return f(g(; } }\n'],
  ['ruby', "class C\n  def create\n    if x\n      render json: { a: [1, 2] }, status: 404\n    end\n    head(\n  end\nend\n"],
  ['php', "<?php\nfunction f() { if ($x) { return response()->json(['a' => [1]], 404); } abort(\n"],
  // Deep enough for climbs longer than upTo's short ones (those are remembered), and broken.
  ['python', `def f():\n    return ${'g(['.repeat(40)}1${'])'.repeat(39)}\n`],
];

function allNodes(tree: Tree): Node[] {
  const out: Node[] = [];
  const cursor = tree.walk();
  for (;;) {
    out.push(cursor.currentNode);
    if (cursor.gotoFirstChild()) continue;
    while (!cursor.gotoNextSibling()) {
      if (!cursor.gotoParent()) {
        cursor.delete();
        return out;
      }
    }
  }
}

/** A seeded shuffle, so a failure can be replayed. */
function shuffled<T>(items: T[], seed: number): T[] {
  const out = [...items];
  let s = seed;
  for (let i = out.length - 1; i > 0; i--) {
    s = (s * 1103515245 + 12345) % 2147483648;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

for (const [grammar, source] of SOURCES) {
  test(`${grammar}: parentOf is node.parent for every node, asked in any order`, async () => {
    const tree = parserFor(grammar, await loadLanguage(grammar)).parse(source)!;
    try {
      const nodes = allNodes(tree);
      assert.ok(nodes.some((n) => n.isMissing || n.type === 'ERROR'), 'the source is broken somewhere');
      for (const order of [nodes, [...nodes].reverse(), shuffled(nodes, 7), shuffled(nodes, 99)]) {
        withAncestry(tree, () => {
          for (const n of order) {
            const want = n.parent;
            const got = parentOf(n);
            assert.equal(got?.id ?? null, want?.id ?? null, `parent of ${n.type} at ${n.startIndex}-${n.endIndex}`);
          }
        });
      }
      // upTo: the nearest ancestor of a type, remembered, equals a plain climb (in either order).
      for (const order of [nodes, shuffled(nodes, 3)]) {
        withAncestry(tree, () => {
          for (const n of order) {
            let want: Node | null = n.parent;
            while (want && !/^(function_definition|function_declaration|method_declaration|method|function_definition|class_declaration|class)$/.test(want.type)) want = want.parent;
            const got = upTo('test.fn', n.parent, (a) => (/^(function_definition|function_declaration|method_declaration|method|class_declaration|class)$/.test(a.type) ? a : undefined), null);
            assert.equal(got?.id ?? null, want?.id ?? null, `function around ${n.type} at ${n.startIndex}`);
          }
        });
      }
    } finally {
      tree.delete();
    }
  });
}

test('outside withAncestry, parentOf is node.parent', async () => {
  const tree = parserFor('python', await loadLanguage('python')).parse('f(g(1))\n')!;
  try {
    for (const n of allNodes(tree)) assert.equal(parentOf(n)?.id ?? null, n.parent?.id ?? null);
  } finally {
    tree.delete();
  }
});
