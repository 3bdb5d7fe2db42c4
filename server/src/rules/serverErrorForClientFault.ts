// server-error-for-client-fault: 500 in a branch that rejects the request's own input (a missing
// field, failed validation, unparsable JSON). 5xx tells the client to retry and pages the
// on-call team; a 4xx tells the caller to fix the request.
import { rankFixes, resolvedResponses, statusFix, statusSpan } from './facts';
import type { Finding, Rule } from './types';

export const serverErrorForClientFault: Rule = {
  id: 'server-error-for-client-fault',
  defaultLevel: 'warning',
  description: '500 Internal Server Error in a branch that rejects the request\'s own input.',
  appliesToTests: false,
  check(model) {
    const findings: Finding[] = [];
    for (const r of resolvedResponses(model)) {
      const kind = r.response.branch?.kind;
      if (r.code !== 500 || (kind !== 'input-check' && kind !== 'validation-error')) continue;
      const what = kind === 'validation-error' ? 'the request failed validation' : 'the request\'s own input is checked';
      findings.push({
        span: statusSpan(r),
        message: `500 Internal Server Error where ${what}: that is the client's fault, so answer with a 4xx (400 Bad Request, or 422 for well-formed but invalid content). A 5xx invites retries and alerts.`,
        fixes: rankFixes([statusFix(r, 400, true), statusFix(r, 422)]),
      });
    }
    return findings;
  },
};
