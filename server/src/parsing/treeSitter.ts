// The tree-sitter runtime and grammars (VS Code's own wasm builds). The runtime starts once;
// each grammar loads the first time a document of its language needs it.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import * as TreeSitter from '@vscode/tree-sitter-wasm';

export type Tree = TreeSitter.Tree;
export type Node = TreeSitter.Node;
export type Language = TreeSitter.Language;
export type Parser = TreeSitter.Parser;
export const Query = TreeSitter.Query;
export type Query = TreeSitter.Query;

/** Grammar file stems we ship, keyed by our grammar id. */
export type GrammarId = 'javascript' | 'typescript' | 'tsx' | 'python' | 'go' | 'java' | 'c-sharp' | 'ruby' | 'php' | 'rust';

let grammarDir: string | undefined;

/** Where the .wasm files are: beside the running bundle (dist/grammars), or in node_modules for tests. */
function findGrammarDir(): string {
  if (grammarDir) return grammarDir;
  const candidates = [
    ...(process.env.HTTP_STATUS_HINTS_GRAMMARS ? [process.env.HTTP_STATUS_HINTS_GRAMMARS] : []),
    join(__dirname, 'grammars'),
    join(__dirname, '..', 'dist', 'grammars'),
    join(__dirname, '..', '..', 'dist', 'grammars'),
    join(__dirname, '..', '..', '..', 'dist', 'grammars'),
  ];
  try {
    candidates.push(dirname(require.resolve('@vscode/tree-sitter-wasm')));
  } catch {
    // Not installed: only the bundled copies can serve.
  }
  candidates.push(join(process.cwd(), 'node_modules', '@vscode', 'tree-sitter-wasm', 'wasm'));
  for (const c of candidates) {
    if (existsSync(join(c, 'tree-sitter.wasm'))) return (grammarDir = c);
  }
  throw new Error(`tree-sitter grammars not found (looked in ${candidates.join(', ')})`);
}

let runtime: Promise<void> | undefined;
const languages = new Map<GrammarId, Promise<Language>>();
const loaded = new Map<GrammarId, Language>();

export function initRuntime(): Promise<void> {
  runtime ??= TreeSitter.Parser.init({
    locateFile: () => join(findGrammarDir(), 'tree-sitter.wasm'),
  });
  return runtime;
}

/** Loads a grammar once; later calls share the same promise. */
export function loadLanguage(id: GrammarId): Promise<Language> {
  let p = languages.get(id);
  if (!p) {
    p = initRuntime().then(async () => {
      const bytes = readFileSync(join(findGrammarDir(), `tree-sitter-${id}.wasm`));
      const lang = await TreeSitter.Language.load(new Uint8Array(bytes));
      loaded.set(id, lang);
      return lang;
    });
    languages.set(id, p);
  }
  return p;
}

/** The grammar if it has already loaded (no waiting on the request path). */
export function loadedLanguage(id: GrammarId): Language | undefined {
  return loaded.get(id);
}

export function loadedGrammars(): GrammarId[] {
  return [...loaded.keys()];
}

const parsers = new Map<GrammarId, Parser>();

/** One parser per grammar, reused: creating parsers per parse costs memory in the wasm heap. */
export function parserFor(id: GrammarId, lang: Language): Parser {
  let p = parsers.get(id);
  if (!p) {
    p = new TreeSitter.Parser();
    p.setLanguage(lang);
    parsers.set(id, p);
  }
  return p;
}
