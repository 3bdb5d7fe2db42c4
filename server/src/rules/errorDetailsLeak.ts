// error-details-leak: a response that hands the client a stack trace or a raw exception, or, in
// a 5xx, the message of an unexpected error. It tells an attacker about the code, libraries and
// data behind the API, and tells a legitimate client nothing it can act on.
import { codeInfo } from '../data';
import { DEV_SWITCH } from '../devSwitch';
import { codeLabel, rankFixes, resolvedResponses } from './facts';
import type { BodyFacts } from '../model';
import type { Finding, FixCandidate, Rule } from './types';

/**
 * What the finding says of a leak. A raw exception object in a JSON body does not always reach
 * the client: where the adapter knows the encoder, the message says what happens instead.
 */
function leakMessage(leak: NonNullable<BodyFacts['leak']>, text: string): string {
  const name = text.slice(leak.span.start, leak.span.end);
  if (leak.serialized === 'fails') {
    return `${name} is the exception object itself, which the JSON encoder cannot serialise: the request ends in a TypeError and the framework's own error response instead of this body. Replacing it with str(${name}) would send the exception's message to the client; log it on the server and send a generic message.`;
  }
  if (leak.serialized === 'fields') {
    return `${name} is the exception object itself: the JSON encoder sends its attributes, not its message ({} for most exceptions, but a database error's can hold the query and its parameters), and str(${name}) would send the message. Log it on the server and send a generic message.`;
  }
  return `The response sends ${leak.what} to the client: it reveals how the server is built and helps no caller. Log it on the server and send a generic message.`;
}

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
        findings.push({ span: leak.span, message: leakMessage(leak, ctx.text), fixes: rankFixes([fix]) });
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
