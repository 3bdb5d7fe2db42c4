// Java responses built in an expression: Spring's ResponseEntity builders and constructor,
// JAX-RS's Response builders, WebFlux's ServerResponse, and the exceptions that carry a status.
// Each gets its body and headers, and edits written the framework's own way.
import type { Node } from '../../parsing/treeSitter';
import type { OffsetEdit, ResponseFacts, StatusSite } from '../../model';
import { spanOf } from '../syntax';
import { statusEdit } from '../edits';
import { bodyFacts } from './bodies';
import { branchOf } from './branches';
import { builderHeader, headersFromArgument } from './headers';
import type { HelperCall } from './helpers';
import { callParts, chainAbove, javaString, lastSegment, outerMethod } from './nodes';
import { parentOf } from '../ancestry';

export interface JavaResponseInput {
  text: string;
  /** Every method invocation in the file, in source order. */
  calls: Node[];
}

function caughtName(facts: ResponseFacts): string | undefined {
  return facts.branch?.kind === 'catch' ? facts.branch.errorName : undefined;
}

/** Body-setting calls of each builder family. */
const BODY_CALLS = new Set(['body', 'entity', 'bodyValue']);

/**
 * A builder chain: `head` is the call that sets the status (`ResponseEntity.status(409)`) or the
 * factory that implies it (`ResponseEntity.ok(x)`, then `helper` says which).
 */
export function builderResponse(head: Node, site: StatusSite, helper: HelperCall | undefined, input: JavaResponseInput): ResponseFacts {
  const { text, calls } = input;
  const chain = chainAbove(head);
  const last = chain.length ? chain[chain.length - 1] : head;
  const owner = lastSegment(callParts(head).object?.text ?? '');
  const facts: ResponseFacts = { span: spanOf(last), headers: [], branch: branchOf(head), edits: {} };
  const caught = caughtName(facts);
  const scope = outerMethod(head);
  for (const c of chain) {
    const name = callParts(c).name;
    if (name === 'headers' || name === 'replaceAll') {
      const seen = headersFromArgument(callParts(c).args[0], calls, scope, text);
      facts.headers.push(...seen.headers);
      if (seen.unknown) facts.headersUnknown = true;
    }
    const h = builderHeader(c);
    if (h) facts.headers.push(h);
  }
  const headArgs = callParts(head).args;
  // A builder kept in a variable or handed to a helper (`withRetryAfter(ResponseEntity.status(503))`)
  // gets its headers out of sight; a finished response cannot take more.
  if (!finished(last, head, helper)) facts.headersUnknown = true;
  if (helper?.helper) facts.helper = helper.helper;
  if (helper?.helper === 'created' && headArgs[0]) facts.headers.push({ name: 'location', span: spanOf(headArgs[0]) });

  // The body: `.body(x)` / `.entity(x)` / `.bodyValue(x)` in the chain, or the factory's own argument.
  const bodyCall = chain.find((c) => BODY_CALLS.has(callParts(c).name ?? ''));
  const helperBody = helper && /^(ok|accepted)$/.test(helper.name) && owner !== 'ServerResponse' ? headArgs[0] : undefined;
  const body = bodyCall ? callParts(bodyCall).args[0] : helperBody;
  facts.body = bodyFacts(body, caught);
  if (body) facts.edits.replaceBody = (t) => [{ start: body.startIndex, end: body.endIndex, newText: t }];

  // A factory that returns a finished ResponseEntity (`ok(x)`) cannot take more builder calls.
  const terminal = owner === 'ResponseEntity' && helper?.name === 'ok' && headArgs.length === 1;
  const headArgsNode = head.childForFieldName('arguments');
  facts.edits.setStatus = (code) => (helper ? rewriteFactory(head, helper, code, text) : statusEdit(site, code, text));
  facts.edits.addHeader = (name, value) => {
    const call = `.header(${javaString(name)}, ${javaString(value)})`;
    if (terminal && headArgsNode) return [{ start: headArgsNode.startIndex, end: headArgsNode.endIndex, newText: `()${call}.body(${text.slice(headArgs[0].startIndex, headArgs[0].endIndex)})` }];
    return [{ start: head.endIndex, end: head.endIndex, newText: call }];
  };
  if (bodyCall) {
    const nameNode = bodyCall.childForFieldName('name');
    const object = bodyCall.childForFieldName('object');
    // JAX-RS: drop `.entity(x)`; Spring and WebFlux end the chain with build() instead.
    if (callParts(bodyCall).name === 'entity' && object) facts.edits.dropBody = () => [{ start: object.endIndex, end: bodyCall.endIndex, newText: '' }];
    else if (nameNode) facts.edits.dropBody = () => [{ start: nameNode.startIndex, end: bodyCall.endIndex, newText: 'build()' }];
  } else if (helperBody && headArgsNode) {
    facts.edits.dropBody = () => [{ start: headArgsNode.startIndex, end: headArgsNode.endIndex, newText: terminal ? '().build()' : '()' }];
  }
  return facts;
}

/** Calls that end a builder chain with a response. */
const FINISH = new Set(['build', 'body', 'bodyValue', 'render', 'syncBody']);

/** The chain ends in a response (`.build()`, `.body(x)`, Spring's `ok(x)`), not in a builder. */
function finished(last: Node, head: Node, helper: HelperCall | undefined): boolean {
  if (last !== head) return FINISH.has(callParts(last).name ?? '');
  return !!helper && helper.owner === 'ResponseEntity' && helper.name === 'ok' && callParts(head).args.length === 1;
}

/** `ResponseEntity.ok(x)` -> `ResponseEntity.status(409).body(x)`: the same response with another status. */
function rewriteFactory(head: Node, helper: HelperCall, code: number, text: string): OffsetEdit[] | undefined {
  const args = callParts(head).args.map((a) => text.slice(a.startIndex, a.endIndex));
  let tail = '';
  if (helper.name === 'ok' || helper.name === 'accepted') {
    if (args.length && helper.owner !== 'ServerResponse') tail = helper.owner === 'Response' ? `.entity(${args[0]})` : `.body(${args[0]})`;
    if (helper.owner === 'Response' && args.length === 2) tail += `.type(${args[1]})`;
  } else if (args.length === 1 && /^(created|seeOther|temporaryRedirect|permanentRedirect)$/.test(helper.name)) {
    tail = `.location(${args[0]})`;
  } else if (args.length) {
    return undefined;
  }
  return [{ start: helper.nameNode.startIndex, end: head.endIndex, newText: `status(${code})${tail}` }];
}

/** `new ResponseEntity<>(body, headers, status)` and its shorter forms. */
export function constructorResponse(ctor: Node, site: StatusSite, input: JavaResponseInput): ResponseFacts {
  const { text, calls } = input;
  const facts: ResponseFacts = { span: spanOf(ctor), headers: [], branch: branchOf(ctor), edits: {} };
  const args = callParts(ctor).args;
  const status = args[args.length - 1];
  let body: Node | undefined;
  let headers: Node | undefined;
  if (args.length === 3) [body, headers] = args;
  else if (args.length === 2) {
    const first = args[0];
    const isHeaders = /headers$/i.test(first.text) || (first.type === 'object_creation_expression' && /HttpHeaders|MultiValueMap/.test(first.text));
    if (isHeaders) headers = first;
    else body = first;
  }
  const seen = headersFromArgument(headers, calls, outerMethod(ctor), text);
  facts.headers.push(...seen.headers);
  if (seen.unknown) facts.headersUnknown = true;
  facts.body = bodyFacts(body, caughtName(facts));
  facts.edits.setStatus = (code) => statusEdit(site, code, text);
  if (body) {
    const next = args[args.indexOf(body) + 1] ?? status;
    facts.edits.dropBody = () => [{ start: body!.startIndex, end: next.startIndex, newText: '' }];
    facts.edits.replaceBody = (t) => [{ start: body!.startIndex, end: body!.endIndex, newText: t }];
  }
  return facts;
}

/** `throw new ResponseStatusException(...)` / `new WebApplicationException(...)`: a status, no body of ours. */
export function statusOnlyResponse(carrier: Node, site: StatusSite, text: string, body?: Node): ResponseFacts {
  const up = parentOf(carrier);
  const span = up?.type === 'throw_statement' ? up : carrier;
  const facts: ResponseFacts = { span: spanOf(span), headers: [], branch: branchOf(carrier), edits: {} };
  if (body) facts.body = bodyFacts(body, caughtName(facts));
  facts.edits.setStatus = (code) => statusEdit(site, code, text);
  return facts;
}
