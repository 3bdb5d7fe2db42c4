// Open documents with their parse trees. Edits from incremental sync are applied both to the
// text and to the tree, so a re-parse reuses the unchanged parts of the old tree. Only the
// most recently used documents keep a tree and a model (residency.ts); the others
// keep their text and are parsed and analysed again on their next use.
import { TextDocument, type TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import { adapterFor } from './languages/registry';
import type { LanguageAdapter } from './languages/adapter';
import { loadLanguage, loadedLanguage, parserFor, type GrammarId, type Tree } from './parsing/treeSitter';
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
  /** Set when analysis is skipped for this document (too large, binary, minified). */
  skipped?: string;
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

export class DocumentStore {
  private readonly docs = new Map<string, OpenDocument>();
  private readonly residency: Residency;

  constructor(
    private readonly skip: SkipPolicy = () => undefined,
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
        entry.tree.edit({
          startIndex,
          oldEndIndex,
          newEndIndex: startIndex + change.text.length,
          startPosition: { row: change.range.start.line, column: change.range.start.character },
          oldEndPosition: { row: change.range.end.line, column: change.range.end.character },
          newEndPosition: { row: newEndRow, column: newEndColumn },
        });
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
    entry.skipped = this.skip(text, doc.uri);
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
    const next = parser.parse(text, old ?? null) ?? undefined;
    old?.delete();
    entry.tree = next;
    entry.treeVersion = entry.doc.version;
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
    const model = adapter.extract({ uri: doc.uri, languageId: doc.languageId, text: doc.getText(), tree: entry.tree, previous: entry.previousModel });
    entry.model = model;
    entry.previousModel = undefined;
    entry.modelVersion = doc.version;
    this.used(entry);
    return model;
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
    entry.tree?.delete();
    entry.tree = undefined;
    entry.treeVersion = undefined;
    entry.model = undefined;
    entry.modelVersion = undefined;
    entry.previousModel = undefined;
  }
}
