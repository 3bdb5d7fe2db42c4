// Questions every rule asks of the model: which status a response answers, where to point,
// how to name a code in a message, and the fix that changes a response's status.
import { codeInfo } from '../data';
import type { DocumentModel, HandlerFacts, ResponseFacts, Span, StatusSite } from '../model';
import type { FixCandidate } from './types';

export interface ResolvedResponse {
  response: ResponseFacts;
  index: number;
  code: number;
  /** The site that writes the status, or undefined for an implicit status. */
  site?: StatusSite;
  handler?: HandlerFacts;
}

/**
 * The responses whose status is known and set by production code: a written site with role
 * `response`, or an implicit status the adapter is sure of.
 */
export function resolvedResponses(model: DocumentModel): ResolvedResponse[] {
  const out: ResolvedResponse[] = [];
  model.responses.forEach((response, index) => {
    const site = response.site !== undefined ? model.sites[response.site] : undefined;
    if (site && site.role !== 'response') return;
    const code = site ? site.code : response.implicitStatus;
    if (code === undefined) return;
    const handler = response.handler !== undefined ? model.handlers[response.handler] : undefined;
    out.push({ response, index, code, site, handler });
  });
  return out;
}

/** Where a finding about a response points: the written status, or the response itself. */
export function statusSpan(r: ResolvedResponse): Span {
  return r.site ? r.site.span : r.response.span;
}

/** `404 Not Found`, or just the number for a code no registry knows. */
export function codeLabel(code: number): string {
  const info = codeInfo(code);
  return info ? `${code} ${info.name}` : String(code);
}

export function hasHeader(response: ResponseFacts, name: string): boolean {
  const lower = name.toLowerCase();
  return response.headers.some((h) => h.name === lower);
}

/** A fix that changes the response's status to `code`, or undefined when the adapter cannot. */
export function statusFix(r: ResolvedResponse, code: number, preferred = false): FixCandidate | undefined {
  const edits = r.response.edits.setStatus?.(code);
  if (!edits?.length) return undefined;
  return { title: `Change the status to ${codeLabel(code)}`, edits, preferred };
}

/** Fixes without the undefined entries, at most `max`, the first one marked preferred if none is. */
export function rankFixes(fixes: (FixCandidate | undefined)[], max = 3): FixCandidate[] {
  const out = fixes.filter((f): f is FixCandidate => !!f).slice(0, max);
  if (out.length && !out.some((f) => f.preferred)) out[0].preferred = true;
  let seen = false;
  for (const f of out) {
    if (f.preferred && seen) f.preferred = false;
    if (f.preferred) seen = true;
  }
  return out;
}

export function inRange(code: number, low: number, high: number): boolean {
  return code >= low && code <= high;
}
