// The shared shape of the rules about a header a status needs (Location with 201 and 3xx,
// WWW-Authenticate with 401, Allow with 405, Retry-After with 429/503). A response whose headers
// the adapter cannot fully see is left alone: a false alarm is worse than a missed one.
import type { DocumentModel } from '../model';
import { hasHeader, rankFixes, resolvedResponses, statusSpan, type ResolvedResponse } from './facts';
import type { Finding, FixCandidate, RuleLevel } from './types';

export interface HeaderValue {
  value: string;
  /** True when the value is known, not a placeholder the user must adjust. */
  known: boolean;
}

export interface MissingHeaderSpec {
  /** The header as it is written in a fix (`WWW-Authenticate`). */
  header: string;
  applies(r: ResolvedResponse): boolean;
  /** Framework helpers that set the header themselves (e.g. `redirect`). */
  helpers?: string[];
  value(r: ResolvedResponse, model: DocumentModel): HeaderValue;
  message(r: ResolvedResponse): string;
  level?(r: ResolvedResponse): Exclude<RuleLevel, 'off'> | undefined;
  /** Further fixes after adding the header (e.g. a different status). */
  more?(r: ResolvedResponse): (FixCandidate | undefined)[];
}

export function checkMissingHeader(model: DocumentModel, spec: MissingHeaderSpec): Finding[] {
  const findings: Finding[] = [];
  for (const r of resolvedResponses(model)) {
    if (!spec.applies(r)) continue;
    const { response } = r;
    if (response.headersUnknown || hasHeader(response, spec.header)) continue;
    if (response.helper && spec.helpers?.includes(response.helper)) continue;
    const { value, known } = spec.value(r, model);
    const edits = response.edits.addHeader?.(spec.header, value);
    const add: FixCandidate | undefined = edits?.length
      ? { title: known ? `Add the header ${spec.header}: ${value}` : `Add the header ${spec.header}: ${value} (adjust the value)`, edits, preferred: true, safe: known }
      : undefined;
    findings.push({ span: statusSpan(r), message: spec.message(r), level: spec.level?.(r), fixes: rankFixes([add, ...(spec.more?.(r) ?? [])]) });
  }
  return findings;
}
