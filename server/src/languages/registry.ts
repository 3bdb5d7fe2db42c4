// Which adapter serves a document. Adding a language means adding its adapter here.
import type { LanguageAdapter } from './adapter';
import { javascriptAdapter } from './javascript/adapter';

const adapters: LanguageAdapter[] = [javascriptAdapter];

const byLanguageId = new Map<string, LanguageAdapter[]>();
for (const a of adapters) {
  for (const id of a.languageIds) {
    const list = byLanguageId.get(id) ?? [];
    list.push(a);
    byLanguageId.set(id, list);
  }
}

/** Every VS Code language id some adapter serves (package.json activation is checked against it). */
export function supportedLanguageIds(): string[] {
  return [...byLanguageId.keys()];
}

export function adapterFor(languageId: string, uri: string, text: string): LanguageAdapter | undefined {
  for (const a of byLanguageId.get(languageId) ?? []) {
    if (!a.accepts || a.accepts(text, uri)) return a;
  }
  return undefined;
}
