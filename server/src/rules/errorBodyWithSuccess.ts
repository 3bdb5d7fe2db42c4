// error-body-with-success: a 2xx response whose body reports an error. Clients, caches, retries
// and monitoring all read the status first, so the failure is counted as a success.
import type { BranchFact } from '../model';
import { codeLabel, rankFixes, resolvedResponses, statusFix, statusSpan, type ResolvedResponse } from './facts';
import type { Finding, Rule } from './types';

/** Endpoints whose product is a report about the client's input (a validator, a linter, a check or dry run). */
const REPORT_ROUTES = /validat|lint|\bcheck\b|verify|dry-?run|preview/i;

/** The codes to offer, best first, for the kind of branch the response sits in. */
export function errorCodesFor(branch: BranchFact['kind'] | undefined): number[] {
  switch (branch) {
    case 'catch':
      return [500, 400];
    case 'not-found':
      return [404, 400];
    case 'input-check':
    case 'validation-error':
      return [400, 422];
    case 'auth-check':
      return [401, 403];
    default:
      return [400, 404, 500];
  }
}

function applies(r: ResolvedResponse): boolean {
  if (r.code < 200 || r.code > 299) return false;
  // 207 Multi-Status reports per-item outcomes, errors included, by design.
  if (r.code === 207 || r.code === 208) return false;
  if (!r.response.body?.errorShape) return false;
  if (r.handler?.route && REPORT_ROUTES.test(r.handler.route)) return false;
  return true;
}

export const errorBodyWithSuccess: Rule = {
  id: 'error-body-with-success',
  defaultLevel: 'warning',
  description: 'A 2xx response whose body reports an error.',
  appliesToTests: false,
  check(model) {
    const findings: Finding[] = [];
    for (const r of resolvedResponses(model)) {
      if (!applies(r)) continue;
      const shape = r.response.body!.errorShape!;
      const written = r.site ? codeLabel(r.code) : `an implicit ${codeLabel(r.code)}`;
      findings.push({
        span: r.site ? statusSpan(r) : shape.span,
        message: `The body reports an error (${shape.reason}) but the response is ${written}: clients, caches and monitoring will count it as a success.`,
        // The status the body names itself comes first (`{ status: 401 }`: 401).
        fixes: rankFixes([...new Set([...(shape.code ? [shape.code] : []), ...errorCodesFor(r.response.branch?.kind)])].map((c) => statusFix(r, c))),
      });
    }
    return findings;
  },
};
