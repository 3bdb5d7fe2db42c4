import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { DocumentModel } from '../model';
import type { Settings } from '../settings';

/** Everything a feature function gets: the document, its model and its settings. */
export interface FeatureContext {
  document: TextDocument;
  model: DocumentModel;
  settings: Settings;
  /** The client renders Markdown. */
  markdown: boolean;
}
