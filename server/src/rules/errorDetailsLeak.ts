// error-details-leak: a response that hands the client a stack trace or a raw exception, or, in
// a 5xx, the message of an unexpected error. It tells an attacker about the code, libraries and
// data behind the API, and tells a legitimate client nothing it can act on.
import { codeInfo } from '../data';
import { DEV_SWITCH } from '../devSwitch';
import { codeLabel, rankFixes, resolvedResponses } from './facts';
import type { Finding, FixCandidate, Rule } from './types';

export const errorDetailsLeak: Rule = {
  id: 'error-details-leak',
  defaultLevel: 'warning',
  description: 'A response body that carries a stack trace, a raw exception, or (in a 5xx) the raw message of an unexpected error.',
  appliesToTests: false,
  check(model, ctx) {
    const findings: Finding[] = [];
    for (const r of resolvedResponses(model)) {
      const body = r.response.body;
      if (!body) continue;
      const leak = body.leak;
      const raw = !leak && body.rawErrorMessage && r.code >= 500 && r.code <= 599 ? body.rawErrorMessage : undefined;
      if (!leak && !raw) continue;
      // Details shown on purpose behind a development switch (`if (process.env.NODE_ENV === 'development')`).
      const branch = r.response.branch;
      if (branch && branch.kind !== 'catch' && DEV_SWITCH.test(ctx.text.slice(branch.span.start, branch.span.end))) continue;
      // The fix's edits are worked out only for a response that gets a finding: most have a body
      // that leaks nothing, and computing the edit reads the syntax tree.
      const redact = r.response.edits.redactBody?.(codeInfo(r.code)?.name ?? 'Internal Server Error');
      const fix: FixCandidate | undefined = redact?.length ? { title: 'Send a generic message and log the details on the server', edits: redact, preferred: true } : undefined;
      if (leak) {
        findings.push({
          span: leak.span,
          message: `The response sends ${leak.what} to the client: it reveals how the server is built and helps no caller. Log it on the server and send a generic message.`,
          fixes: rankFixes([fix]),
        });
      } else if (raw) {
        findings.push({
          span: raw,
          message: `${codeLabel(r.code)} sends the raw message of an unexpected error to the client; such messages can carry paths, queries or internal names. Log it and send a generic message.`,
          fixes: rankFixes([fix]),
        });
      }
    }
    return findings;
  },
};
