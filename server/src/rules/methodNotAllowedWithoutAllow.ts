// method-not-allowed-without-allow: 405 without Allow. RFC 9110 (section 15.5.6) requires the
// list of methods the resource does support; the fix takes them from the routes the file
// registers for the same path when it can see them.
import { checkMissingHeader } from './missingHeader';
import type { Rule } from './types';

export const methodNotAllowedWithoutAllow: Rule = {
  id: 'method-not-allowed-without-allow',
  defaultLevel: 'warning',
  description: '405 Method Not Allowed without an Allow header.',
  appliesToTests: false,
  check: (model) =>
    checkMissingHeader(model, {
      header: 'Allow',
      applies: (r) => r.code === 405,
      value: (r) => {
        // The handler answering 405 does not support its own method, whatever the route table says.
        const methods = (r.handler?.routeMethods ?? []).filter((m) => m !== r.handler?.method);
        return methods.length ? { value: methods.join(', '), known: true } : { value: 'GET', known: false };
      },
      message: () => '405 Method Not Allowed needs an Allow header listing the methods the resource supports (RFC 9110 requires it).',
    }),
};
