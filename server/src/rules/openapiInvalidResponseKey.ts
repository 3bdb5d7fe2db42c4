// openapi-invalid-response-key: a key under `responses` that is neither a status code
// (100-599), a class (`2XX`, upper-case X) nor `default`. Tools reject the document, or worse,
// silently drop the response from generated clients and docs.
import { codeLabel } from './facts';
import { operations, validResponseKey } from './declared';
import type { Finding, FixCandidate, Rule } from './types';

/** The key the author most likely meant: `2xx` -> `2XX`, `200 OK` -> `200`. */
export function intendedKey(key: string): string | undefined {
  const t = key.trim();
  if (/^[1-5]xx$/i.test(t)) return t.toUpperCase();
  const m = /^([1-5]\d\d)\b/.exec(t);
  if (m) return m[1];
  if (/^default$/i.test(t)) return 'default';
  return undefined;
}

export const openapiInvalidResponseKey: Rule = {
  id: 'openapi-invalid-response-key',
  defaultLevel: 'warning',
  description: 'OpenAPI: a response key that is not a status code (100-599), a range like 4XX, or default.',
  appliesToTests: true,
  check(model, ctx) {
    const findings: Finding[] = [];
    for (const op of operations(model)) {
      const keys = new Set(op.responseKeys.map((k) => k.key));
      for (const { key, span } of op.responseKeys) {
        if (validResponseKey(key)) continue;
        const fixes: FixCandidate[] = [];
        const meant = intendedKey(key);
        const written = ctx.text.slice(span.start, span.end);
        if (meant && meant !== key && !keys.has(meant) && written.includes(key)) {
          const label = /^\d+$/.test(meant) ? codeLabel(Number(meant)) : meant;
          fixes.push({ title: `Change the key to ${label}`, edits: [{ start: span.start, end: span.end, newText: written.replace(key, meant) }], preferred: true, safe: /XX$/.test(meant) });
        }
        findings.push({ span, message: `"${key}" is not a valid response key: use a status code from 100 to 599, a range such as 4XX (upper-case X), or default.`, fixes });
      }
    }
    return findings;
  },
};
