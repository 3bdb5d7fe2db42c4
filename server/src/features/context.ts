import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { DocumentModel, OffsetEdit, StatusSlot } from '../model';
import type { Settings } from '../settings';

/** Everything a feature function gets: the document, its model and its settings. */
export interface FeatureContext {
  document: TextDocument;
  model: DocumentModel;
  settings: Settings;
  /** The client renders Markdown. */
  markdown: boolean;
  /** The adapter's status slot at an offset (for completion), without knowing the language. */
  slotAt(offset: number): StatusSlot | undefined;
  /** The adapter's edit that imports a vocabulary, if the document lacks it. */
  importEdit(vocabulary: string): OffsetEdit | undefined;
}
