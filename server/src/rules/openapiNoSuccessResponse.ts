// openapi-no-success-response: an operation that declares responses but none for success (no
// 2xx, 3xx, 2XX/3XX or default). Generated clients then have no type for the result, and
// readers cannot tell what a successful call returns.
import { operations } from './declared';
import type { Finding, Rule } from './types';

export const openapiNoSuccessResponse: Rule = {
  id: 'openapi-no-success-response',
  defaultLevel: 'warning',
  description: 'OpenAPI: an operation whose responses declare no success (2xx/3xx) and no default.',
  appliesToTests: true,
  check(model) {
    const findings: Finding[] = [];
    for (const op of operations(model)) {
      if (!op.responseKeys.length) continue;
      if (op.responseKeys.some(({ key }) => /^[23](\d\d|XX)$/i.test(key) || key === 'default')) continue;
      const method = (op.method ?? '').toLowerCase();
      findings.push({
        span: { start: op.span.start, end: op.span.start + (method.length || 1) },
        message: `This ${op.method ? `${op.method} ` : ''}operation${op.route ? ` on ${op.route}` : ''} declares only error responses: document what a successful call returns (a 2xx or 3xx response).`,
        fixes: [],
      });
    }
    return findings;
  },
};
