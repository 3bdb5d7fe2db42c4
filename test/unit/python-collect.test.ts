// The Python walk (languages/python/collect.ts) steps over punctuation and keywords without
// looking under them, and over names: it relies on the grammar never putting a named node (all
// it keeps are named) under an anonymous node or an identifier. (Anonymous nodes can have
// children: `not in` and `is not` are made of their two keywords.) Checked over every Python fixture and a generated file (with
// broken code among the fixtures and edits, where the parser recovers from errors).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { loadLanguage, parserFor } from '../../server/src/parsing/treeSitter';
import { generate } from '../../bench/generate';

const root = existsSync(join(__dirname, '..', '..', 'package.json')) ? join(__dirname, '..', '..') : process.cwd();

function files(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...files(p));
    else if (name.endsWith('.py')) out.push(p);
  }
  return out.sort();
}

test('python: nothing named lies under an anonymous node or an identifier (the walk steps over them)', async () => {
  const parser = parserFor('python', await loadLanguage('python'));
  const texts = files(join(root, 'test', 'fixtures')).map((f) => readFileSync(f, 'utf8'));
  const g = generate('python', 2000).text;
  // The generated file, and the same with a few characters removed here and there (broken code).
  texts.push(g, g.replace(/\)\n/g, (m, at: number) => (at % 7 === 0 ? '\n' : m)).replace(/:\n/g, (m, at: number) => (at % 5 === 0 ? '\n' : m)));
  let anonymous = 0;
  let names = 0;
  let withChildren = 0;
  for (const text of texts) {
    const tree = parser.parse(text)!;
    const cursor = tree.walk();
    try {
      for (;;) {
        const leafy = !cursor.nodeIsNamed || cursor.nodeType === 'identifier';
        if (leafy) cursor.nodeIsNamed ? names++ : anonymous++;
        if (cursor.gotoFirstChild()) {
          if (leafy) {
            // Its children: keywords only (they have none of their own here).
            do {
              assert.ok(!cursor.nodeIsNamed, `a named ${cursor.nodeType} at ${cursor.startIndex}, under a keyword, punctuation or a name`);
              assert.ok(!cursor.gotoFirstChild(), `a ${cursor.nodeType} with children at ${cursor.startIndex}, under a keyword, punctuation or a name`);
              withChildren++;
            } while (cursor.gotoNextSibling());
            cursor.gotoParent();
          } else continue;
        }
        let up = false;
        while (!cursor.gotoNextSibling()) {
          if (!cursor.gotoParent()) {
            up = true;
            break;
          }
        }
        if (up) break;
      }
    } finally {
      cursor.delete();
      tree.delete();
    }
  }
  assert.ok(anonymous > 10_000 && names > 5_000 && withChildren > 0, `${anonymous} anonymous nodes, ${names} names, ${withChildren} children of those`);
});
