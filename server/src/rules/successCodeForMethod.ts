// success-code-for-method: the 2xx that fits the handler's method. A POST that creates something
// answers 201 (so the client knows a resource exists now), a DELETE with nothing to say answers
// 204, and a GET never creates, so it never answers 201.
import type { HandlerFacts } from '../model';
import { rankFixes, resolvedResponses, statusFix, statusSpan, type ResolvedResponse } from './facts';
import type { Finding, Rule } from './types';

/**
 * Calls that create a stored record (not hashes, streams, servers, errors...). `save` is left
 * out: ORMs use it for updates as much as for inserts.
 */
const CREATES = /^(create|insert|persist)([A-Z_]\w*)?$|^add[A-Z]\w*$/;
const NOT_CREATING = /^(create(Hash|Hmac|Cipher\w*|Decipher\w*|Sign|Verify|ReadStream|WriteStream|Server|SecureServer|Error|HttpError|Element|Context|Client|Connection|Logger|Reader|Interface|Require|Transport|Pool|Router|App|Request|Response|Url|URL|ObjectURL|Signal|Worker|Socket|Token|Session|Jwt|JWT|Checkout\w*|PaymentIntent|Hook)|add(EventListener|Listener|Header|Trailers|Hook))$/;
/** POST routes that answer about an action rather than a new resource. */
const ACTION_ROUTES = /log-?in|log-?out|sign-?in|sign-?out|session|auth|token|search|query|webhook|hook|callback|notify|verify|validate|check|refresh|preview/i;

/** `/orders/:id/cancel`, `/jobs/{id}/retry`: a verb after an id names an action on a resource. */
function isActionRoute(route: string): boolean {
  if (ACTION_ROUTES.test(route)) return true;
  const parts = route.split('/').filter(Boolean);
  const last = parts[parts.length - 1] ?? '';
  const before = parts[parts.length - 2] ?? '';
  return /^[:{<[]/.test(before) && /^[a-z][a-z_-]*$/i.test(last) && !/s$/i.test(last);
}

function creates(handler: HandlerFacts): boolean {
  return handler.calls.some((c) => CREATES.test(c) && !NOT_CREATING.test(c));
}

function finding(r: ResolvedResponse, message: string, code: number, level?: 'warning'): Finding {
  return { span: statusSpan(r), message, level, fixes: rankFixes([statusFix(r, code, true)]) };
}

export const successCodeForMethod: Rule = {
  id: 'success-code-for-method',
  defaultLevel: 'hint',
  description: 'A success code that does not fit the handler\'s method: 200 for a POST that creates, 200 for a DELETE with no body, 201 for a GET.',
  appliesToTests: false,
  check(model) {
    const findings: Finding[] = [];
    for (const r of resolvedResponses(model)) {
      const h = r.handler;
      if (!h?.method) continue;
      // Only the handler's main success path: a response under a condition is a special case.
      if (r.response.branch || r.response.body?.errorShape) continue;
      if (r.code === 201 && (h.method === 'GET' || h.method === 'HEAD') && r.site) {
        findings.push(finding(r, `201 Created from a ${h.method} handler: ${h.method} only reads, so nothing was created. Answer 200 OK.`, 200, 'warning'));
      } else if (r.code === 200 && h.method === 'POST' && creates(h) && !(h.route && isActionRoute(h.route))) {
        findings.push(finding(r, 'This POST handler creates a resource but answers 200 OK; 201 Created (with a Location header) tells the client a new resource exists.', 201));
      } else if (r.code === 200 && h.method === 'DELETE' && r.response.noBody && r.site) {
        findings.push(finding(r, 'This DELETE answers 200 OK with no body; 204 No Content says exactly that.', 204));
      }
    }
    return findings;
  },
};
