import { MarkupKind, type Hover } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { DocumentModel } from '../model';
import type { Settings } from '../settings';
import { describeClass, describeCode, toPlainText } from './describe';
import { siteAt } from './siteAt';

/**
 * The hover for the status site under `offset`, or null when there is none. Cost is a binary
 * search over the model's sites: nothing proportional to the file on the request path.
 */
export function doHover(document: TextDocument, model: DocumentModel, offset: number, settings: Settings, markdown = true): Hover | null {
  const site = siteAt(model, offset);
  if (!site) return null;
  const range = site.kind === 'key' && site.name && /^[1-5]xx$/i.test(site.name);
  const text = range ? describeClass(site.name!) : describeCode(site.code, {
    format: settings.hover.format,
    constant: site.vocabulary && site.name ? { vocabulary: site.vocabulary, name: site.name } : undefined,
  });
  return {
    contents: markdown ? { kind: MarkupKind.Markdown, value: text } : { kind: MarkupKind.PlainText, value: toPlainText(text) },
    range: { start: document.positionAt(site.span.start), end: document.positionAt(site.span.end) },
  };
}
