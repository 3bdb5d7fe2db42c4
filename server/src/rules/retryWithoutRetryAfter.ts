// retry-without-retry-after: 429 (and, more softly, 503) without Retry-After. Without it,
// clients guess when to come back, and well-behaved retry logic tends to hammer the server.
import { checkMissingHeader } from './missingHeader';
import { codeLabel } from './facts';
import type { Rule } from './types';

export const retryWithoutRetryAfter: Rule = {
  id: 'retry-without-retry-after',
  defaultLevel: 'warning',
  description: '429 Too Many Requests (or 503 Service Unavailable) without a Retry-After header.',
  appliesToTests: false,
  check: (model) =>
    checkMissingHeader(model, {
      header: 'Retry-After',
      applies: (r) => r.code === 429 || r.code === 503,
      value: () => ({ value: '60', known: false }),
      message: (r) => `${codeLabel(r.code)} without Retry-After: clients cannot tell when to try again, so they guess, often too soon.`,
      // A 503 is often a plain outage with no known end; a 429 always has a window to wait out.
      level: (r) => (r.code === 503 ? 'info' : undefined),
    }),
};
