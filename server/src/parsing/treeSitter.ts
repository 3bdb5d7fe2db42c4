// The tree-sitter runtime and grammars (VS Code's own wasm builds). The runtime starts once;
// each grammar loads the first time a document of its language needs it. A wasm trap inside the
// runtime (a crash on adversarial input) leaves that instance unusable for every language, so
// resetRuntime() replaces it with a fresh one; everything made by the old one must be dropped.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createContext, Script } from 'node:vm';
import * as TreeSitter from '@vscode/tree-sitter-wasm';

export type Tree = TreeSitter.Tree;
export type Node = TreeSitter.Node;
export type Language = TreeSitter.Language;
export type Parser = TreeSitter.Parser;
export type Query = TreeSitter.Query;

type Runtime = typeof TreeSitter;
/** The factory of a fresh runtime instance; the build exposes it (scripts/treeSitterRuntime.mjs). */
const createRuntime = (TreeSitter as Runtime & { createRuntime?: () => Runtime }).createRuntime;
/**
 * The runtime in use. A fresh instance even at first (the factory costs 0.1 ms; the wasm loads on
 * init): the module's own instance stays referenced by the import above, so had it served and
 * crashed, its memory would outlive the reset.
 */
let ts: Runtime = createRuntime ? createRuntime() : TreeSitter;

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
/** Counts resets, so a grammar load that started on the old runtime does not land in the new one. */
let generation = 0;
const languages = new Map<GrammarId, Promise<Language>>();
const loaded = new Map<GrammarId, Language>();

export function initRuntime(): Promise<void> {
  runtime ??= ts.Parser.init({
    locateFile: () => join(findGrammarDir(), 'tree-sitter.wasm'),
  });
  return runtime;
}

/** Loads a grammar once; later calls share the same promise. */
export function loadLanguage(id: GrammarId): Promise<Language> {
  let p = languages.get(id);
  if (!p) {
    const started = generation;
    p = initRuntime().then(async () => {
      const bytes = readFileSync(join(findGrammarDir(), `tree-sitter-${id}.wasm`));
      const lang = await ts.Language.load(new Uint8Array(bytes));
      if (started !== generation) return loadLanguage(id);
      loaded.set(id, lang);
      return lang;
    });
    languages.set(id, p);
  }
  return p;
}

/**
 * True for a failure of the wasm runtime itself (a trap such as "memory access out of bounds",
 * or an abort), as opposed to an ordinary exception in our code: after one, no parse works.
 */
export function isRuntimeFailure(e: unknown): boolean {
  return e instanceof WasmRuntimeError || (e as { code?: unknown } | null)?.code === HARD_STOP;
}

const HARD_STOP = 'ERR_SCRIPT_EXECUTION_TIMEOUT';
// A constant script, never document text: its only job is V8's execution timeout, the one thing
// that can stop a wasm call stuck in a loop that never reports progress (seen after the shadow
// stack overflows into the runtime's memory without trapping: parse() then spins for ever).
const hardStopScript = new Script('run()', { filename: 'tree-sitter-hard-stop' });
const hardStopContext = createContext({ run: () => undefined });

/** True while a hard stop is running (its watchdog covers every call made inside it). */
let underHardStop = false;

/**
 * Runs `fn` (a call into the runtime) and stops it after `ms` wherever it is, even inside wasm.
 * A stopped call leaves the runtime in an unknown state: the error it throws counts as a runtime
 * failure (isRuntimeFailure), so the caller resets the runtime.
 *
 * A call made while another hard stop is running runs directly: the outer one's timeout already
 * covers it (V8's termination unwinds through every frame up to the outer call, which throws),
 * and each hard stop starts a watchdog thread. So a caller that does several runtime calls in one
 * synchronous step (the CLI: parse, model and rules of a file) can put them under one.
 */
export function withHardStop<T>(ms: number, fn: () => T): T {
  if (underHardStop) return fn();
  let result: { value: T } | undefined;
  (hardStopContext as { run: () => void }).run = () => {
    result = { value: fn() };
  };
  underHardStop = true;
  try {
    hardStopScript.runInContext(hardStopContext, { timeout: ms });
  } finally {
    underHardStop = false;
    (hardStopContext as { run: () => void }).run = () => undefined;
  }
  return result!.value;
}

// Node's global WebAssembly; our TypeScript lib settings do not declare it.
const WasmRuntimeError = (globalThis as unknown as { WebAssembly: { RuntimeError: new () => Error } }).WebAssembly.RuntimeError;

/**
 * Drops the runtime, its grammars and parsers, and starts from a fresh instance on the next use.
 * Trees, nodes and parsers made before must not be used or deleted afterwards (their memory is
 * the dead instance's, freed with it by the garbage collector). Returns false when this build
 * cannot make a fresh instance (bundled without scripts/treeSitterRuntime.mjs).
 */
export function resetRuntime(): boolean {
  if (!createRuntime) return false;
  ts = createRuntime();
  generation++;
  runtime = undefined;
  languages.clear();
  loaded.clear();
  parsers.clear();
  return true;
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
    p = new ts.Parser();
    p.setLanguage(lang);
    parsers.set(id, p);
  }
  return p;
}
