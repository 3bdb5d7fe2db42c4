// Which adapter serves a document. Adding a language means adding its adapter here.
import type { LanguageAdapter } from './adapter';
import { javascriptAdapter } from './javascript/adapter';
import { pythonAdapter } from './python/adapter';
import { goAdapter } from './go/adapter';
import { javaAdapter } from './java/adapter';
import { csharpAdapter } from './csharp/adapter';
import { rubyAdapter } from './ruby/adapter';
import { phpAdapter } from './php/adapter';
import { rustAdapter } from './rust/adapter';
import { openapiAdapter } from './openapi/adapter';
import { httpAdapter } from './http/adapter';

const adapters: LanguageAdapter[] = [
  javascriptAdapter,
  pythonAdapter,
  goAdapter,
  javaAdapter,
  csharpAdapter,
  rubyAdapter,
  phpAdapter,
  rustAdapter,
  openapiAdapter,
  httpAdapter,
];

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
