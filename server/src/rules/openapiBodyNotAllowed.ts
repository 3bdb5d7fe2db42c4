// openapi-body-not-allowed: a declared 1xx, 204, 205 or 304 response with content. No server
// can send that body, so clients generated from the document expect data that never comes.
import { codeInfo } from '../data';
import { codeLabel, rankFixes } from './facts';
import { declaredResponses } from './declared';
import type { Finding, Rule } from './types';

export const openapiBodyNotAllowed: Rule = {
  id: 'openapi-body-not-allowed',
  defaultLevel: 'warning',
  description: 'OpenAPI: a 1xx, 204, 205 or 304 response that declares content.',
  appliesToTests: true,
  check(model) {
    const findings: Finding[] = [];
    for (const d of declaredResponses(model)) {
      const info = codeInfo(d.site.code);
      if (!info || info.bodyAllowed || !d.response.body) continue;
      const drop = d.response.edits.dropBody?.();
      findings.push({
        span: d.site.span,
        message: `${codeLabel(d.site.code)} cannot carry a body, but this response declares content.`,
        fixes: rankFixes([drop?.length ? { title: 'Remove the declared content', edits: drop, preferred: true, safe: true } : undefined]),
      });
    }
    return findings;
  },
};
