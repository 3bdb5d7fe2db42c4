// Named status constants in Python: http.HTTPStatus, the Starlette/FastAPI and Django REST
// framework `status` modules, aiohttp's exception classes and Django's fixed-status responses.
import type { Node } from '../../parsing/treeSitter';
import { lookupConstant } from '../../data';
import { bareNameVocabulary, statusModuleVocabulary, type Frameworks, type ImportTable } from './imports';

export interface PyConstant {
  vocabulary: string;
  name: string;
  code: number;
}

/** Cheap test on the text of an attribute or identifier: could it be a status constant? */
export function maybeConstantName(type: string, written: string): boolean {
  if (type === 'attribute') {
    // Only the end matters, and a chain a.b.c... nests one attribute per dot: reading each whole is quadratic.
    const last = /\.\s*([A-Za-z_]\w*)$/.exec(written.length > 128 ? written.slice(-128) : written)?.[1] ?? '';
    return /^[A-Z][A-Z0-9_]+$/.test(last) || /^HTTP[A-Z][A-Za-z]+$/.test(last) || /^HttpResponse[A-Z]\w+$/.test(last);
  }
  return /^HTTP_\d{3}_[A-Z_]+$/.test(written) || /^HTTP[A-Z][a-z]\w+$/.test(written) || /^HttpResponse[A-Z]\w+$/.test(written);
}

function hit(vocabulary: string, name: string): PyConstant | undefined {
  const h = lookupConstant(vocabulary, name);
  return h ? { vocabulary, name, code: h.code } : undefined;
}

/**
 * The constant a node names, resolved against the file's imports. A `status.HTTP_...` name
 * belongs to DRF in a DRF/Django file and to Starlette otherwise; both modules spell most
 * names the same, and each falls back to the other for the names only one of them has.
 */
export function constantOf(node: Node, imports: ImportTable, fw: Frameworks): PyConstant | undefined {
  if (node.type === 'identifier') {
    const vocab = bareNameVocabulary(imports, node.text);
    return vocab ? hit(vocab, node.text) : undefined;
  }
  if (node.type !== 'attribute') return undefined;
  const name = node.childForFieldName('attribute')?.text;
  const obj = node.childForFieldName('object');
  if (!name || !obj) return undefined;
  const objText = obj.text;
  const objLast = obj.type === 'attribute' ? obj.childForFieldName('attribute')?.text : objText;

  if (objLast === 'HTTPStatus') return hit('python-http', name);
  const local = imports.names.get(objText);
  if (local?.module === 'http' && local.name === 'HTTPStatus') return hit('python-http', name);

  if (/^HTTP_\d{3}_/.test(name)) {
    const imported = statusModuleVocabulary(imports, objText);
    const dotted = /^(fastapi|starlette)\.status$/.test(objText) ? 'starlette' : objText === 'rest_framework.status' ? 'drf' : undefined;
    const guess = imported ?? dotted ?? (objText === 'status' ? (fw.drf || (fw.django && !fw.fastapi) ? 'drf' : 'starlette') : undefined);
    if (!guess) return undefined;
    return hit(guess, name) ?? hit(guess === 'drf' ? 'starlette' : 'drf', name);
  }
  if (/^HTTP[A-Z]/.test(name)) {
    // aiohttp: web.HTTPConflict, aiohttp.web.HTTPConflict, or an alias of aiohttp.web.
    const origin = imports.names.get(objText);
    const isWeb = objText === 'web' || objText === 'aiohttp.web' || objText === 'web_exceptions' || (origin && /^aiohttp(\.web)?$/.test(origin.module) && (origin.name === 'web' || origin.name === ''));
    return isWeb && (fw.aiohttp || objText === 'web') ? hit('aiohttp', name) : undefined;
  }
  if (/^HttpResponse[A-Z]/.test(name) && fw.django && /^(http|django\.http)$/.test(objText)) return hit('django', name);
  return undefined;
}

/** Django response classes whose first argument is not a body. */
export const DJANGO_NO_BODY = new Set(['HttpResponseRedirect', 'HttpResponsePermanentRedirect', 'HttpResponseNotAllowed', 'HttpResponseNotModified']);

/** aiohttp exception classes that take the redirect target and set Location themselves. */
export const AIOHTTP_REDIRECTS = new Set(['HTTPMultipleChoices', 'HTTPMovedPermanently', 'HTTPFound', 'HTTPSeeOther', 'HTTPUseProxy', 'HTTPTemporaryRedirect', 'HTTPPermanentRedirect']);
