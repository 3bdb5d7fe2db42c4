// teapot-in-production: 418 outside tests. It is an April Fools' code (RFC 2324) that IANA keeps
// reserved; clients and proxies have no handling for it, so an API that answers 418 is read as a
// generic 4xx at best.
import { rankFixes, resolvedResponses, statusFix, statusSpan } from './facts';
import type { Finding, Rule } from './types';

export const teapotInProduction: Rule = {
  id: 'teapot-in-production',
  defaultLevel: 'info',
  description: '418 I\'m a teapot outside test files.',
  appliesToTests: false,
  check(model) {
    const findings: Finding[] = [];
    for (const r of resolvedResponses(model)) {
      if (r.code !== 418 || !r.site) continue;
      findings.push({
        span: statusSpan(r),
        message: '418 I\'m a teapot is a joke code, reserved but undefined for HTTP: clients treat it as a plain 400. To refuse a request, 403 Forbidden or 400 Bad Request says what happened.',
        fixes: rankFixes([statusFix(r, 403), statusFix(r, 400)]),
      });
    }
    return findings;
  },
};
