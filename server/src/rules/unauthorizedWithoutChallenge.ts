// unauthorized-without-challenge: 401 without WWW-Authenticate. RFC 9110 (section 15.5.2)
// requires the challenge: it is how a client learns which scheme to use. A client that is known
// but not allowed should get 403 instead, which needs no challenge.
import { checkMissingHeader } from './missingHeader';
import { statusFix } from './facts';
import type { Rule } from './types';

export const unauthorizedWithoutChallenge: Rule = {
  id: 'unauthorized-without-challenge',
  defaultLevel: 'warning',
  description: '401 Unauthorized without a WWW-Authenticate header.',
  appliesToTests: false,
  check: (model) =>
    checkMissingHeader(model, {
      header: 'WWW-Authenticate',
      applies: (r) => r.code === 401,
      value: () => ({ value: 'Bearer', known: false }),
      message: () => '401 Unauthorized needs a WWW-Authenticate header naming the scheme to authenticate with (RFC 9110 requires it). If the caller is authenticated but not allowed, send 403 Forbidden instead.',
      more: (r) => [statusFix(r, 403)],
    }),
};
