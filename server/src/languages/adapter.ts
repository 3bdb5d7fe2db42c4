// The contract between a language's syntax and the language-neutral model.
import type { GrammarId, Tree } from '../parsing/treeSitter';
import type { DocumentModel, OffsetEdit, StatusSlot } from '../model';

export interface AdapterInput {
  uri: string;
  languageId: string;
  text: string;
  /** The current parse tree, for adapters with a tree-sitter grammar. */
  tree?: Tree;
  /**
   * The model this adapter made for the previous version of the same open document (absent on
   * open). An adapter may reuse what it derived from text the edit did not change; the tree
   * that model came from is gone.
   */
  previous?: DocumentModel;
}

export interface LanguageAdapter {
  /** Our own id for the adapter, used in logs. */
  id: string;
  /** VS Code language ids this adapter serves. */
  languageIds: readonly string[];
  /** The tree-sitter grammar for a document, or undefined for adapters that parse text themselves. */
  grammarFor?(languageId: string, uri: string): GrammarId;
  /** Cheap check on the text for adapters that serve only some documents of a language (OpenAPI). */
  accepts?(text: string, uri: string): boolean;
  /** Turns one document into the model. Must not throw on broken code; the caller still guards it. */
  extract(input: AdapterInput): DocumentModel;
  /**
   * The status slot at `offset` while the user types (`res.status(|`, `status_code=|`), or
   * undefined when the cursor is not where a status goes. Must be cheap: it runs per keystroke.
   */
  slotAt?(input: AdapterInput, offset: number): StatusSlot | undefined;
  /** The edit that imports `vocabulary` into this document in its own import style, if it lacks it. */
  importEdit?(input: AdapterInput, vocabulary: string): OffsetEdit | undefined;
}
