// What the OpenAPI rules read: the responses an API description declares (sites with role
// `declaration` and their facts), and the operations with the keys of their responses maps.
import type { DocumentModel, HandlerFacts, ResponseFacts, StatusSite } from '../model';
import type { FixCandidate } from './types';

export interface DeclaredResponse {
  site: StatusSite;
  response: ResponseFacts;
  handler?: HandlerFacts;
}

/** Declared responses for exact codes (a range like `4XX` has no facts of its own). */
export function declaredResponses(model: DocumentModel): DeclaredResponse[] {
  const out: DeclaredResponse[] = [];
  for (const site of model.sites) {
    if (site.role !== 'declaration' || site.response === undefined) continue;
    const response = model.responses[site.response];
    if (!response) continue;
    out.push({ site, response, handler: response.handler !== undefined ? model.handlers[response.handler] : undefined });
  }
  return out;
}

/** Operations of an API description: handlers that report their response keys. */
export function operations(model: DocumentModel): (HandlerFacts & { responseKeys: NonNullable<HandlerFacts['responseKeys']> })[] {
  return model.handlers.filter((h): h is HandlerFacts & { responseKeys: NonNullable<HandlerFacts['responseKeys']> } => Array.isArray(h.responseKeys));
}

/** A response key OpenAPI accepts: a code 100-599, a class `1XX`-`5XX`, or `default`. */
export function validResponseKey(key: string): boolean {
  return /^[1-5]\d\d$/.test(key) || /^[1-5]XX$/.test(key) || key === 'default';
}

/** The declared response lacks `header` (and declares its headers in a way that can be read). */
export function missingHeader(d: DeclaredResponse, header: string): boolean {
  return !d.response.headersUnknown && !d.response.headers.some((h) => h.name === header.toLowerCase());
}

/** The fix that declares `header` on the response, with `example` as its example value. */
export function declareHeader(d: DeclaredResponse, header: string, example: string): FixCandidate | undefined {
  const edits = d.response.edits.addHeader?.(header, example);
  return edits?.length ? { title: `Declare the ${header} header`, edits, preferred: true } : undefined;
}
