// body-not-allowed: a body sent with a status that cannot carry one (1xx, 204, 205, 304).
// Some servers drop it without a word (Express), others throw (fetch's Response); either way
// the client never sees it.
import { codeInfo } from '../data';
import { codeLabel, rankFixes, resolvedResponses, statusFix, statusSpan } from './facts';
import type { Finding, FixCandidate, Rule } from './types';

export const bodyNotAllowed: Rule = {
  id: 'body-not-allowed',
  defaultLevel: 'warning',
  description: 'A body sent with 1xx, 204, 205 or 304, which cannot carry one.',
  appliesToTests: false,
  check(model) {
    const findings: Finding[] = [];
    for (const r of resolvedResponses(model)) {
      const info = codeInfo(r.code);
      if (!info || info.bodyAllowed || !r.response.body) continue;
      const drop = r.response.edits.dropBody?.();
      const dropFix: FixCandidate | undefined = drop?.length ? { title: 'Send no body', edits: drop, preferred: true, safe: true } : undefined;
      // 204 and 205 say "nothing to send"; 304 says "use your copy". 200 keeps the body either way.
      findings.push({
        span: statusSpan(r),
        message: `${codeLabel(r.code)} cannot carry a body, but this response sends one: the client never receives it, and some servers throw.`,
        fixes: rankFixes([dropFix, statusFix(r, 200)]),
      });
    }
    return findings;
  },
};
