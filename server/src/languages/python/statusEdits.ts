// Changing the status a Python site writes. Numbers and module constants (`status.HTTP_...`,
// `HTTPStatus.X`) are replaced in place; a Django or aiohttp class that fixes the code is
// renamed to the class for the new code, when one exists and takes the same arguments, and
// imported next to the old one when the file imports those classes by name.
import { constantFor } from '../../data';
import type { OffsetEdit, StatusSite } from '../../model';
import { statusEdit } from '../edits';
import { addImport, type ImportTable } from './imports';

/** Classes whose arguments differ from the rest of their family (a target URL, the Allow list). */
function family(vocabulary: string, name: string): string {
  if (/Redirect$|^HTTP(MultipleChoices|MovedPermanently|Found|SeeOther|UseProxy|TemporaryRedirect|PermanentRedirect)$/.test(name)) return 'redirect';
  if (name === 'HttpResponseNotAllowed' || name === 'HTTPMethodNotAllowed') return 'allow';
  if (name === 'HttpResponseNotModified') return 'empty';
  return `${vocabulary}:plain`;
}

/** The setStatus edit for a site, written the way the site writes its code. */
export function setStatusEdit(site: StatusSite, code: number, text: string, imports: ImportTable): OffsetEdit[] | undefined {
  if (site.kind !== 'constant' || !site.vocabulary || !site.name) return statusEdit(site, code, text);
  const isClass = site.vocabulary === 'django' || site.vocabulary === 'aiohttp';
  const target = constantFor(site.vocabulary, code);
  if (isClass && (!target || family(site.vocabulary, target) !== family(site.vocabulary, site.name))) return undefined;
  // A module constant without a name for this code becomes the number.
  if (!target) return statusEdit(site, code, text);
  const written = text.slice(site.span.start, site.span.end);
  if (!written.endsWith(site.name)) return undefined;
  const rename: OffsetEdit = { start: site.span.start, end: site.span.end, newText: written.slice(0, written.length - site.name.length) + target };
  // A bare name (`HTTP_404_NOT_FOUND`, `HttpResponseNotFound`) must be imported like the old one was.
  const origin = written === site.name ? imports.names.get(site.name) : undefined;
  if (!origin || imports.names.has(target)) return [rename];
  const imp = addImport(imports, text, origin.module, target);
  return imp.start < rename.start ? [imp, rename] : [rename, imp];
}
