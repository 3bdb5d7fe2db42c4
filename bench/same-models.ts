// Proof that a change to the Python or Go extraction keeps every model as it was: prints the
// models it makes (as plain JSON, each edit function replaced by what it returns for the arguments
// rules and quick fixes use, as test/unit/reuse-python-go.test.ts compares them) for every
// Python and Go fixture and for generated files, each whole and after a seeded series of edits
// typed through the document store (so the reuse of unchanged statements is covered too).
// Bundle it at the old commit and at the new one as the server is bundled (esbuild with the
// tree-sitter plugin of scripts/treeSitterRuntime.mjs: bundle, platform node, format cjs, loader
// .scm as text), run each from the repository root with HTTP_STATUS_HINTS_GRAMMARS=dist/grammars,
// and compare: `node old.js > old.jsonl; node new.js > new.jsonl; cmp old.jsonl new.jsonl`.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DocumentStore } from '../server/src/documents';
import { generate } from './generate';
import { seeded, seedOf } from './random';
import { filesUnder as files, plainModel as plain } from './plainModel';

const root = existsSync(join(__dirname, '..', 'package.json')) ? join(__dirname, '..') : process.cwd();

const SNIPPETS: Record<'python' | 'go', string[]> = {
  python: [' ', '\n', 'x', ':', '(', ')', '"', "'", '#', '0', '4', '\n    ', 'return {"error": str(e)}, 500\n    ', 'status.HTTP_201_CREATED', ', 201', 'from rest_framework import status\n', '@app.route("/x", methods=["GET", "POST"])\n', 'resp["Location"] = "/x"\n', 'f"{g(404)}"'],
  go: [' ', '\n', 'x', '{', '}', '(', ')', '"', '/', '4', '0', '\n\t', 'w.WriteHeader(http.StatusCreated)\n\t', 'c.JSON(404, gin.H{"error": err.Error()})\n\t', 'http.StatusNotFound', ', 201', 'w.Header().Set("Location", "/x")\n\t', 'json.NewEncoder(w).Encode(v)\n\t'],
};

async function run(languageId: 'python' | 'go', name: string, text: string, edits: number): Promise<void> {
  const store = new DocumentStore();
  const uri = `file:///t/${name}`;
  const entry = store.open(uri, languageId, 1, text);
  await store.ensureParsed(entry);
  console.log(JSON.stringify({ name, edit: -1, model: plain(store.model(entry)) }));
  const rnd = seeded(seedOf(`same:${name}`));
  for (let i = 0; i < edits; i++) {
    const current = entry.doc.getText();
    const at = Math.floor(rnd.next() * (current.length + 1));
    const roll = rnd.next();
    const snippets = SNIPPETS[languageId];
    const insert = roll < 0.6 ? snippets[Math.floor(rnd.next() * snippets.length)] : '';
    const removed = roll < 0.6 ? 0 : Math.min(current.length - at, 1 + Math.floor(rnd.next() * 20));
    store.change(uri, entry.doc.version + 1, [{ range: { start: entry.doc.positionAt(at), end: entry.doc.positionAt(at + removed) }, text: insert }]);
    console.log(JSON.stringify({ name, edit: i, model: plain(store.model(entry)) }));
  }
  store.closeAll();
}

async function main(): Promise<void> {
  for (const languageId of ['python', 'go'] as const) {
    const ext = languageId === 'python' ? '.py' : '.go';
    for (const file of files(join(root, 'test', 'fixtures'), ext)) await run(languageId, file.slice(root.length + 1), readFileSync(file, 'utf8'), 8);
    for (const [lines, seed, edits] of [[400, 'a', 40], [400, 'h', 40], [2000, '', 20], [10000, '', 3]] as const) {
      await run(languageId, `gen-${lines}-${seed}${ext}`, generate(languageId, lines, seed).text, edits);
    }
  }
}

main();
