// Edits shared by every adapter: a status written as a number stays a number, a constant
// stays a constant of the same vocabulary.
import { constantFor } from '../data';
import type { OffsetEdit, StatusSite } from '../model';

/** Text for `code` written the way `site` writes its code. */
export function statusText(site: StatusSite, code: number, text: string): string {
  if ((site.kind === 'constant' || site.kind === 'symbol') && site.vocabulary && site.name) {
    const replacement = constantFor(site.vocabulary, code);
    const written = text.slice(site.span.start, site.span.end);
    if (replacement && written.endsWith(site.name)) return written.slice(0, written.length - site.name.length) + replacement;
  }
  if (site.kind === 'string' || site.kind === 'key') {
    const written = text.slice(site.span.start, site.span.end);
    return written.replace(/\d{3}/, String(code));
  }
  return String(code);
}

/** Replaces the status written at `site` with `code`, or undefined when the site writes none or its place cannot take it. */
export function statusEdit(site: StatusSite, code: number, text: string): OffsetEdit[] | undefined {
  if (site.kind === 'implicit') return undefined;
  const newText = statusText(site, code, text);
  // An enum-typed place (Spring's @ResponseStatus) takes no number: no edit beats one that does not compile.
  if (site.accepts === 'constant' && /^\d+$/.test(newText)) return undefined;
  return [{ start: site.span.start, end: site.span.end, newText }];
}
