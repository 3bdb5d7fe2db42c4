// Test helper: a document from a source string (optionally with a `|` cursor marker), parsed
// with the real grammar and run through the real adapter, as the server does on open.
import { TextDocument } from 'vscode-languageserver-textdocument';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DocumentStore } from '../../server/src/documents';
import type { DocumentModel } from '../../server/src/model';
import type { Settings } from '../../server/src/settings';
import type { FeatureContext } from '../../server/src/features/context';
import { featureContextFor } from './featureContext';

export interface Analyzed {
  document: TextDocument;
  model: DocumentModel;
  settings: Settings;
  /** Offset of the `|` marker, when the source had one. */
  offset: number;
  /** The feature context the server would build for this document (settings are `settings`). */
  ctx: FeatureContext;
}

const store = new DocumentStore();
let n = 0;

export async function analyze(source: string, languageId: string, uri?: string): Promise<Analyzed> {
  const marker = source.indexOf('|');
  const hasMarker = marker >= 0 && source.indexOf('|', marker + 1) < 0 && uri === undefined;
  const text = hasMarker ? source.slice(0, marker) + source.slice(marker + 1) : source;
  const docUri = uri ?? `file:///test/doc${n++}.${extFor(languageId)}`;
  const entry = store.open(docUri, languageId, 1, text);
  await store.ensureParsed(entry);
  const model = store.model(entry);
  const document = entry.doc;
  // The tree stays alive for slotAt; test processes are short-lived.
  const ctx = featureContextFor(entry, model);
  const { settings } = ctx;
  return { document, model, settings, offset: hasMarker ? marker : -1, ctx };
}

export function fixturePath(...parts: string[]): string {
  return join(__dirname, '..', '..', 'test', 'fixtures', ...parts);
}

export function readFixture(...parts: string[]): string {
  return readFileSync(fixturePath(...parts), 'utf8');
}

/** Offset of the n-th (0-based) occurrence of `needle` in `text`, plus `delta`. */
export function offsetOf(text: string, needle: string, occurrence = 0, delta = 0): number {
  let i = -1;
  for (let k = 0; k <= occurrence; k++) {
    i = text.indexOf(needle, i + 1);
    if (i < 0) throw new Error(`"${needle}" (occurrence ${occurrence}) not found`);
  }
  return i + delta;
}

export function extFor(languageId: string): string {
  const map: Record<string, string> = {
    javascript: 'js', typescript: 'ts', javascriptreact: 'jsx', typescriptreact: 'tsx', python: 'py', go: 'go', java: 'java',
    csharp: 'cs', ruby: 'rb', php: 'php', rust: 'rs', yaml: 'yaml', json: 'json', http: 'http',
  };
  return map[languageId] ?? 'txt';
}
