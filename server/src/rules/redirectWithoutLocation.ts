// redirect-without-location: a redirect status without Location. The redirect has nowhere to
// go: browsers show the (usually empty) body instead. Framework redirect helpers set it.
import { codeInfo } from '../data';
import { checkMissingHeader } from './missingHeader';
import { codeLabel } from './facts';
import type { Rule } from './types';

/** The 3xx codes whose meaning is "go there": 301, 302, 303, 307, 308 (not 300, 304). */
function needsLocation(code: number): boolean {
  if (code < 300 || code > 399) return false;
  const info = codeInfo(code);
  return !!info && info.status === 'standard' && info.headers.some((h) => h.name === 'Location' && h.requirement !== 'may');
}

export const redirectWithoutLocation: Rule = {
  id: 'redirect-without-location',
  defaultLevel: 'warning',
  description: 'A redirect status (301, 302, 303, 307, 308) without a Location header.',
  appliesToTests: false,
  check: (model) =>
    checkMissingHeader(model, {
      header: 'Location',
      applies: (r) => needsLocation(r.code),
      helpers: ['redirect'],
      value: () => ({ value: '/new-location', known: false }),
      message: (r) => `${codeLabel(r.code)} without a Location header: the client has nowhere to go.`,
    }),
};
