// One file through the editor's own pipeline: the DocumentStore picks the adapter and parses,
// the adapter builds the model, doValidate runs the rules. Nothing here analyses code itself.
import { pathToFileURL } from 'node:url';
import type { Diagnostic } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { DocumentStore, type OpenDocument } from '../documents';
import type { LanguageAdapter } from '../languages/adapter';
import { isRuntimeFailure, loadLanguage, loadedLanguage, resetRuntime, type GrammarId } from '../parsing/treeSitter';
import { doValidate } from '../features/diagnostics';
import type { FeatureContext } from '../features/context';
import type { Settings } from '../settings';
import { skipReason } from '../skip';
import { errorText } from '../errorText';

export type Analysis =
  | { kind: 'skipped'; reason: string; unparsable?: true }
  | { kind: 'unserved' }
  | { kind: 'checked'; languageId: string; document: TextDocument; diagnostics: Diagnostic[] };

/** A failure inside an adapter or a rule: the file could not be checked. */
export class AnalysisError extends Error {
  override name = 'AnalysisError';
}

export class Analyzer {
  private store: DocumentStore;
  private version = 0;

  constructor(private readonly settings: Settings) {
    this.store = this.newStore();
  }

  private newStore(): DocumentStore {
    // The editor's skip policy with the same maxFileSize setting, so both skip the same files.
    return new DocumentStore((text, uri) => skipReason(text, uri, this.settings.maxFileSize));
  }

  /**
   * Runs every rule over `text` as the editor would over an open document with this path,
   * without waiting: everything after a grammar's first load is synchronous, so a caller can
   * check several files under one hard stop (see batch.ts). Says which grammar to load
   * (loadGrammar) when it has not loaded yet; nothing was done then.
   */
  analyzeNow(path: string, languageId: string, text: string): Analysis | { kind: 'needs-grammar'; grammar: GrammarId } {
    const uri = pathToFileURL(path).href;
    const entry = this.store.open(uri, languageId, ++this.version, text);
    try {
      if (entry.skipped) return { kind: 'skipped', reason: entry.skipped };
      if (!entry.adapter) return { kind: 'unserved' };
      if (!this.settings.enable) return { kind: 'checked', languageId, document: entry.doc, diagnostics: [] };
      const adapter = entry.adapter;
      if (entry.grammar && !loadedLanguage(entry.grammar)) return { kind: 'needs-grammar', grammar: entry.grammar };
      // The parse, the model and the rules (with the completion slots and import edits their
      // fixes ask for) run under one hard stop, instead of one each (each starts a watchdog
      // thread); under a caller's hard stop, under that one. A stuck call is stopped as before,
      // and a runtime failure inside any of them costs this file only (DocumentStore.usingRuntime).
      const diagnostics = this.store.usingRuntime(entry, `analysis (${adapter.id})`, () => this.check(entry, adapter));
      // The parser gave up on this file (see DocumentStore.usingRuntime): skipped, with the reason.
      if (entry.skipped || !diagnostics) return { kind: 'skipped', reason: entry.skipped ?? 'the parser gave up on it', unparsable: true };
      return { kind: 'checked', languageId, document: entry.doc, diagnostics };
    } finally {
      this.store.close(uri);
    }
  }

  /** Loads a grammar (its first use in this thread). */
  async loadGrammar(grammar: GrammarId): Promise<void> {
    await step(`parse (${grammar})`, () => loadLanguage(grammar));
  }

  /**
   * After a hard stop around several files stopped one of them (batch.ts): the runtime is
   * replaced, and the documents of the old one are dropped, not deleted (their memory is the
   * dead instance's). Returns whether a fresh runtime could be made.
   */
  restart(): boolean {
    const restarted = resetRuntime();
    this.store = this.newStore();
    return restarted;
  }

  /** Parse, model and rules of an open entry whose grammar has loaded; undefined when the parser gave up on it. */
  private check(entry: OpenDocument, adapter: LanguageAdapter): Diagnostic[] | undefined {
    const { uri, languageId } = entry.doc;
    if (entry.grammar) stepNow(`parse (${adapter.id})`, () => this.store.parseNow(entry));
    const model = stepNow(`parse and analysis (${adapter.id})`, () => this.store.model(entry));
    if (entry.skipped) return undefined;
    const input = () => ({ uri, languageId, text: entry.doc.getText(), tree: entry.tree });
    const ctx: FeatureContext = {
      document: entry.doc,
      model,
      settings: this.settings,
      markdown: false,
      // As in the editor, a failing helper only costs the fix that needed it.
      slotAt: (offset) => quietly(() => this.store.usingRuntime(entry, 'completion', () => adapter.slotAt?.(input(), offset))),
      importEdit: (vocabulary) => quietly(() => this.store.usingRuntime(entry, 'import edit', () => adapter.importEdit?.(input(), vocabulary))),
    };
    return stepNow('rules', () => doValidate(ctx));
  }
}

function quietly<T>(fn: () => T | undefined): T | undefined {
  try {
    return fn();
  } catch {
    return undefined;
  }
}

/**
 * `step` for synchronous steps. A failure of the runtime itself passes through unchanged, so the
 * hard stop around the steps (DocumentStore.usingRuntime) resets the runtime and skips the file.
 */
function stepNow<T>(what: string, fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (isRuntimeFailure(e)) throw e;
    throw new AnalysisError(`${what} failed: ${errorText(e).split('\n')[0]}`);
  }
}

/** Runs a step; an exception becomes an AnalysisError naming the step, never a crash. */
async function step<T>(what: string, fn: () => T | Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    throw new AnalysisError(`${what} failed: ${errorText(e).split('\n')[0]}`);
  }
}
