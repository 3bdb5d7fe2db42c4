// openapi-unauthorized-without-challenge: a declared 401 on an operation that has no security
// requirement and declares no WWW-Authenticate header, so nothing in the description tells a
// client how to authenticate. Silent while the adapter cannot tell whether security applies.
import { codeLabel, rankFixes } from './facts';
import { declaredResponses, declareHeader, missingHeader } from './declared';
import type { Finding, Rule } from './types';

export const openapiUnauthorizedWithoutChallenge: Rule = {
  id: 'openapi-unauthorized-without-challenge',
  defaultLevel: 'info',
  description: 'OpenAPI: a 401 response on an operation with no security requirement and no WWW-Authenticate header declared.',
  appliesToTests: true,
  check(model) {
    const findings: Finding[] = [];
    for (const d of declaredResponses(model)) {
      // Only when the description is known to have no security requirement for the operation.
      if (d.site.code !== 401 || d.handler?.security !== false || !missingHeader(d, 'WWW-Authenticate')) continue;
      findings.push({
        span: d.site.span,
        message: `${codeLabel(401)} is declared, but the operation has no security requirement and the response declares no WWW-Authenticate header: clients cannot tell how to authenticate.`,
        fixes: rankFixes([declareHeader(d, 'WWW-Authenticate', 'Bearer')]),
      });
    }
    return findings;
  },
};
