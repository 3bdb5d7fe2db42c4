// openapi-retry-without-retry-after: a declared 429 without a Retry-After header, so clients
// generated from the description have no field for when they may try again.
import { codeLabel, rankFixes } from './facts';
import { declaredResponses, declareHeader, missingHeader } from './declared';
import type { Finding, Rule } from './types';

export const openapiRetryWithoutRetryAfter: Rule = {
  id: 'openapi-retry-without-retry-after',
  defaultLevel: 'info',
  description: 'OpenAPI: a 429 response that declares no Retry-After header.',
  appliesToTests: true,
  check(model) {
    const findings: Finding[] = [];
    for (const d of declaredResponses(model)) {
      if (d.site.code !== 429 || !missingHeader(d, 'Retry-After')) continue;
      findings.push({
        span: d.site.span,
        message: `${codeLabel(429)} declares no Retry-After header: clients cannot learn from the description when they may try again.`,
        fixes: rankFixes([declareHeader(d, 'Retry-After', '60')]),
      });
    }
    return findings;
  },
};
