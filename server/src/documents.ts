// Open documents with their parse trees. Edits from incremental sync are applied both to the
// text and to the tree, so a re-parse reuses the unchanged parts of the old tree. Only the
// most recently used documents keep a tree and a model (residency.ts); the others
// keep their text and are parsed and analysed again on their next use.
import { TextDocument, type TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import { adapterFor } from './languages/registry';
import type { LanguageAdapter } from './languages/adapter';
import { isRuntimeFailure, loadLanguage, loadedLanguage, parserFor, resetRuntime, withHardStop, type GrammarId, type Tree } from './parsing/treeSitter';
import { emptyModel, type DocumentModel } from './model';
import { Residency, UNLIMITED, type ResidentLimit } from './residency';

export interface OpenDocument {
  doc: TextDocument;
  adapter?: LanguageAdapter;
  grammar?: GrammarId;
  tree?: Tree;
  /** The version the tree was parsed from. */
  treeVersion?: number;
  model?: DocumentModel;
  modelVersion?: number;
  /** The last model made before the pending changes; the adapter may reuse its unchanged parts. */
  previousModel?: DocumentModel;
  /** Set when analysis is skipped for this document (too large, binary, minified, or parseFailure). */
  skipped?: string;
  /** Why the parser gave up on this document (it crashed the runtime, or ran out of time); kept until the document closes. */
  parseFailure?: string;
}

export interface SkipPolicy {
  /** Returns a reason to skip analysis of this text, or undefined. */
  (text: string, uri: string): string | undefined;
}

export interface StoreOptions {
  /**
   * Which documents keep their tree and model: the most recently used, within this many
   * documents and characters of text; the others are parsed and analysed again when next used.
   * Unlimited when not given (the CLI and tests close what they open); the server sets it.
   */
  resident?: ResidentLimit;
}

/**
 * The longest one parse may take, first or incremental. Adversarial text can make tree-sitter's
 * error recovery take minutes (33,000 triple quotes in JavaScript: 100 s). The bench/ inputs of
 * 50,000 lines (JS, TS, Python, Go, 1.4-1.7 MB) parse in 0.45-0.9 s, 1.5 s at worst on a loaded
 * machine; the limit is several times that, so it does not fire on real files.
 */
export const PARSE_TIME_LIMIT_MS = 5000;
/**
 * A call into the runtime (parse, edit, extraction, completion slot) that has not returned by
 * then is stuck where it never checks the time: a stack overflow that did not trap can corrupt
 * the runtime's memory silently (2,042 nested pairs in Python parse "fine", then walking the tree
 * never returns). It is stopped, and the runtime reset. Twice the parse limit, so a parse that
 * runs out of time stops on its own first.
 */
export const HARD_STOP_MS = 2 * PARSE_TIME_LIMIT_MS;

export interface StoreHooks {
  /** A document became skipped while it was being parsed or analysed (see OpenDocument.parseFailure). */
  skipped?(entry: OpenDocument): void;
  /**
   * The adapter's extract threw. With this hook the document gets the empty model for that
   * version (completion still works from the text) and extract is not retried until the next
   * edit; without it (the CLI) the error propagates, so the file is reported as not checked.
   */
  extractFailed?(entry: OpenDocument, error: unknown): void;
}

export class DocumentStore {
  private readonly docs = new Map<string, OpenDocument>();
  private readonly residency: Residency;

  constructor(
    private readonly skip: SkipPolicy = () => undefined,
    private readonly hooks: StoreHooks = {},
    options: StoreOptions = {},
  ) {
    this.residency = new Residency(options.resident ?? UNLIMITED);
  }

  get(uri: string): OpenDocument | undefined {
    return this.docs.get(uri);
  }

  all(): OpenDocument[] {
    return [...this.docs.values()];
  }

  open(uri: string, languageId: string, version: number, text: string): OpenDocument {
    this.close(uri);
    const entry: OpenDocument = { doc: TextDocument.create(uri, languageId, version, text) };
    this.docs.set(uri, entry);
    this.classify(entry);
    return entry;
  }

  /** Applies incremental (or full) changes to the text and, when there is one, to the tree. */
  change(uri: string, version: number, changes: TextDocumentContentChangeEvent[]): OpenDocument | undefined {
    const entry = this.docs.get(uri);
    if (!entry) return undefined;
    for (const change of changes) {
      const before = entry.doc;
      if (entry.tree && 'range' in change) {
        const startIndex = before.offsetAt(change.range.start);
        const oldEndIndex = before.offsetAt(change.range.end);
        const lines = change.text.split('\n');
        const newEndRow = change.range.start.line + lines.length - 1;
        const newEndColumn = (lines.length === 1 ? change.range.start.character : 0) + lines[lines.length - 1].length;
        const tree = entry.tree;
        this.usingRuntime(entry, 'edit', () =>
          tree.edit({
            startIndex,
            oldEndIndex,
            newEndIndex: startIndex + change.text.length,
            startPosition: { row: change.range.start.line, column: change.range.start.character },
            oldEndPosition: { row: change.range.end.line, column: change.range.end.character },
            newEndPosition: { row: newEndRow, column: newEndColumn },
          }),
        );
      } else if (entry.tree) {
        // A full-text change: nothing of the old tree can be reused.
        entry.tree.delete();
        entry.tree = undefined;
      }
      entry.doc = TextDocument.update(before, [change], version);
    }
    if (entry.model) entry.previousModel = entry.model;
    entry.model = undefined;
    this.classify(entry);
    return entry;
  }

  close(uri: string): void {
    const entry = this.docs.get(uri);
    if (!entry) return;
    entry.tree?.delete();
    entry.tree = undefined;
    entry.model = undefined;
    this.docs.delete(uri);
    this.residency.forget(uri);
  }

  closeAll(): void {
    for (const uri of [...this.docs.keys()]) this.close(uri);
  }

  /** Picks the adapter and decides whether the document is analysed at all. */
  private classify(entry: OpenDocument): void {
    const { doc } = entry;
    const text = doc.getText();
    entry.skipped = entry.parseFailure ?? this.skip(text, doc.uri);
    const adapter = entry.skipped ? undefined : adapterFor(doc.languageId, doc.uri, text);
    if (adapter !== entry.adapter) {
      entry.tree?.delete();
      entry.tree = undefined;
      entry.previousModel = undefined;
    }
    entry.adapter = adapter;
    entry.grammar = adapter?.grammarFor?.(doc.languageId, doc.uri);
    if (entry.skipped) {
      entry.tree?.delete();
      entry.tree = undefined;
    }
  }

  /** Loads the grammar the document needs (first use of a language) and parses it. */
  async ensureParsed(entry: OpenDocument): Promise<void> {
    await this.ensureGrammar(entry);
    this.parseNow(entry);
  }

  /** Loads the grammar the document needs (first use of a language), without parsing. */
  async ensureGrammar(entry: OpenDocument): Promise<void> {
    if (entry.grammar && !loadedLanguage(entry.grammar)) await loadLanguage(entry.grammar);
  }

  /** Brings the tree up to date when the grammar is loaded; incremental when an old tree exists. */
  parseNow(entry: OpenDocument): void {
    if (!entry.grammar || entry.treeVersion === entry.doc.version && entry.tree) return;
    // A closed document (a request that was waiting when it closed) gets no tree nobody would free.
    if (this.docs.get(entry.doc.uri) !== entry) return;
    const lang = loadedLanguage(entry.grammar);
    if (!lang) return;
    // Room first, so that the resident limit holds even while this tree is being made.
    this.used(entry);
    const parser = parserFor(entry.grammar, lang);
    const old = entry.tree;
    const text = entry.doc.getText();
    const deadline = performance.now() + PARSE_TIME_LIMIT_MS;
    const progressCallback = () => performance.now() > deadline;
    const parsed = this.usingRuntime(entry, 'parse', () => ({ tree: parser.parse(text, old ?? null, { progressCallback }) ?? undefined }));
    if (!parsed) return;
    if (!parsed.tree) {
      // Out of time. The parser is shared by every document of the grammar: without a reset its
      // next parse would resume this one.
      parser.reset();
      this.fail(entry, `parsing it took longer than ${PARSE_TIME_LIMIT_MS / 1000} s, the limit for one file (pathological text?)`);
      return;
    }
    old?.delete();
    entry.tree = parsed.tree;
    entry.treeVersion = entry.doc.version;
  }

  /**
   * Runs `fn`, which uses the tree-sitter runtime for `entry` (parse, edit, walk its tree), for at
   * most HARD_STOP_MS. When the runtime itself fails (a wasm trap, or a call stuck that long: it
   * is not to be trusted for any language from then on), starts a
   * fresh runtime, drops every tree made by the dead one (the other documents re-parse when next
   * used), skips `entry` until it is closed, and returns undefined. Other errors propagate.
   */
  usingRuntime<T>(entry: OpenDocument, what: string, fn: () => T): T | undefined {
    try {
      return withHardStop(HARD_STOP_MS, fn);
    } catch (e) {
      if (!isRuntimeFailure(e)) throw e;
      const restarted = resetRuntime();
      // Not deleted: their memory belongs to the dead instance and goes with it.
      for (const other of this.docs.values()) {
        other.tree = undefined;
        other.treeVersion = undefined;
        // Their models' facts and edits read those trees: made again from new trees when next used.
        other.model = undefined;
        other.modelVersion = undefined;
        other.previousModel = undefined;
        this.residency.forget(other.doc.uri);
      }
      const message = isHardStop(e) ? `no progress for ${HARD_STOP_MS / 1000} s` : e instanceof Error ? e.message : String(e);
      this.fail(entry, `the parser crashed on it during ${what} (${message}); ${restarted ? 'the parser was restarted for the other files' : 'the parser could not be restarted'}`);
      return undefined;
    }
  }

  /** Skips `entry` from now until it is closed, and says so through the hook. */
  private fail(entry: OpenDocument, reason: string): void {
    entry.tree?.delete();
    entry.tree = undefined;
    entry.parseFailure = reason;
    entry.skipped = reason;
    dropModels(entry);
    this.hooks.skipped?.(entry);
  }

  /**
   * The model of the document's current version, computed once per version. Returns an empty
   * model when the document is skipped or its grammar has not loaded yet.
   */
  model(entry: OpenDocument): DocumentModel {
    if (entry.model && entry.modelVersion === entry.doc.version) {
      this.used(entry);
      return entry.model;
    }
    const { doc, adapter } = entry;
    if (!adapter || entry.skipped) return emptyModel(doc.languageId);
    if (entry.grammar) {
      this.parseNow(entry);
      if (!entry.tree || entry.treeVersion !== doc.version) return emptyModel(doc.languageId);
    }
    let model: DocumentModel | undefined;
    try {
      model = this.usingRuntime(entry, `analysis (${adapter.id})`, () =>
        adapter.extract({ uri: doc.uri, languageId: doc.languageId, text: doc.getText(), tree: entry.tree, previous: entry.previousModel }),
      );
    } catch (e) {
      if (!this.hooks.extractFailed) throw e;
      this.hooks.extractFailed(entry, e);
      model = emptyModel(doc.languageId);
    }
    if (!model) return emptyModel(doc.languageId);
    entry.model = model;
    entry.previousModel = undefined;
    entry.modelVersion = doc.version;
    this.used(entry);
    return model;
  }

  /**
   * Drops the models of the documents `which` picks, keeping their trees: something outside the
   * text that extraction reads changed (a Gemfile.lock's Rack version), so the next model() of
   * each extracts again.
   */
  forgetModels(which: (entry: OpenDocument) => boolean): void {
    for (const entry of this.docs.values()) {
      if (which(entry)) dropModels(entry);
    }
  }

  /** Whether the document holds a tree or a model now (for tests and the benchmark). */
  isResident(entry: OpenDocument): boolean {
    return !!(entry.tree || entry.model || entry.previousModel);
  }

  /**
   * The document was just used: it becomes the most recent, and the least recently used ones
   * beyond the limit give up their tree and model. Never the document itself, so a caller may
   * use the tree and model it just got until it next awaits (another request may evict them then).
   */
  private used(entry: OpenDocument): void {
    if (this.docs.get(entry.doc.uri) !== entry) return; // closed meanwhile: close() freed it
    for (const uri of this.residency.touch(entry.doc.uri, entry.doc.getText().length)) {
      const other = this.docs.get(uri);
      if (other) this.evict(other);
    }
  }

  /**
   * Frees the tree (its wasm memory) and drops the models, whose facts hold the tree's nodes and
   * edits that read them: nothing may use them after this. The text and version stay; the
   * next model() parses the whole text again.
   */
  private evict(entry: OpenDocument): void {
    // The same text without its line table (~80 KB for 10,000 lines), made again when used.
    const { doc } = entry;
    entry.doc = TextDocument.create(doc.uri, doc.languageId, doc.version, doc.getText());
    entry.tree?.delete();
    entry.tree = undefined;
    entry.treeVersion = undefined;
    dropModels(entry);
  }
}

/** Forgets the document's models: the next model() extracts again. */
function dropModels(entry: OpenDocument): void {
  entry.model = undefined;
  entry.modelVersion = undefined;
  entry.previousModel = undefined;
}

function isHardStop(e: unknown): boolean {
  return (e as { code?: unknown } | null)?.code === 'ERR_SCRIPT_EXECUTION_TIMEOUT';
}
