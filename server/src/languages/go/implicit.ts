// Go responses whose status nobody writes: a body written to a ResponseWriter before any
// WriteHeader (net/http answers 200), Fiber's c.JSON(x) without c.Status (200), and
// http.NotFound(w, r), whose helper name is its status.
import type { Node } from '../../parsing/treeSitter';
import type { ResponseFacts } from '../../model';
import { namedArgs, spanOf } from '../syntax';
import { bodyFacts } from './bodies';
import { branchOf, enclosingFunction } from './branches';
import { argsOf, calleeParts, receiverMayBe } from './contexts';
import type { Tree } from '../../parsing/treeSitter';
import { redactEdits } from './redact';
import { headersBefore, headerStatement, type HeaderSet } from './headers';
import { bodyWrite, writeForm } from './responses';
import { insertBefore, scopeOf, statementOf } from './statements';
import { firstNodeFrom } from '../sorted';

export interface ImplicitCandidate {
  call: Node;
  /** The writer (net/http) or the Fiber context the call writes to. */
  target: string;
  kind: 'writer' | 'fiber';
}

/** Calls that set a status on `target` (so a later body write is not an implicit 200). */
function setsStatus(call: Node, target: string, kind: ImplicitCandidate['kind'], httpName: string, text: string): boolean {
  // Every call of the file is asked: most are ruled out by their text, without the parser.
  if (!receiverMayBe(call, text, target, httpName)) return false;
  const { name, receiver } = calleeParts(call);
  if (!name || !receiver) return false;
  if (kind === 'fiber') return receiver.text === target && /^(Status|SendStatus|Redirect|SendFile)$/.test(name);
  if (name === 'WriteHeader') return receiver.text === target;
  const first = argsOf(call)[0]?.text;
  // http.Error / http.Redirect / http.NotFound, and helpers handed the writer (writeJSON(w, 201, v)).
  return first === target && (receiver.text === httpName || call.childForFieldName('function')?.type === 'identifier');
}

/** A statement after which the rest of a branch's function does not run. */
const TERMINATES = /\breturn\b|\bpanic\(|\bos\.Exit\(|\blog\.(Fatal|Panic)\w*\(|\bruntime\.Goexit\(/;

const setterIndex = new WeakMap<Node[], Map<string, { calls: Node[]; scopes: { start: number; end: number }[] }>>();

/**
 * The calls of the file that set a status on `target`, with the statement list each sits in,
 * found once per target: looking through every earlier call for each body write made a large
 * handler quadratic.
 */
function settersOf(calls: Node[], target: string, kind: ImplicitCandidate['kind'], httpName: string, text: string): { calls: Node[]; scopes: { start: number; end: number }[] } {
  let byTarget = setterIndex.get(calls);
  if (!byTarget) setterIndex.set(calls, (byTarget = new Map()));
  const key = `${kind}:${target}`;
  let found = byTarget.get(key);
  if (found) return found;
  found = { calls: [], scopes: [] };
  for (const c of calls) {
    if (!setsStatus(c, target, kind, httpName, text)) continue;
    found.calls.push(c);
    found.scopes.push(scopeOf(c));
  }
  byTarget.set(key, found);
  return found;
}

/** Builds the implicit-200 response of a candidate, or undefined when a status was set before it. */
export interface ImplicitInput {
  calls: Node[];
  headerSets: HeaderSet[];
  text: string;
  tree: Tree | undefined;
  httpName: string;
  /** Writes a status code the way the file writes them (a number, or http.StatusX). */
  statusText: (code: number) => string;
}

export function implicitResponse(cand: ImplicitCandidate, input: ImplicitInput): ResponseFacts | undefined {
  const { calls, text, httpName, statusText } = input;
  const { call, target, kind } = cand;
  const fn = enclosingFunction(call);
  if (!fn) return undefined;
  // A status set before this write in the same function, in a statement list that holds the
  // write (one set in another branch, that returned, does not reach it).
  const setters = settersOf(calls, target, kind, httpName, text);
  const at = call.startIndex;
  for (let k = firstNodeFrom(setters.calls, fn.startIndex); k < setters.calls.length && setters.calls[k].startIndex < at; k++) {
    const scope = setters.scopes[k];
    if (scope.start <= at && at < scope.end) return undefined;
    // A status set in a branch that does not end the function (`switch err { case X:
    // w.WriteHeader(404) ... }` and the body written after the switch) may be the status this
    // write goes out with: the 200 is not certain.
    if (!TERMINATES.test(text.slice(setters.calls[k].endIndex, scope.end))) return undefined;
  }
  const branch = branchOf(call);
  const stmt = statementOf(call);
  const h = headersBefore(call, target, call.startIndex, input, kind === 'writer');
  const facts: ResponseFacts = { span: spanOf(call), implicitStatus: 200, headers: h.headers, headersUnknown: h.unknown || undefined, branch, edits: {} };
  if (kind === 'writer') {
    const written = bodyWrite(call, target);
    facts.body = bodyFacts(written?.body, branch?.errorName);
    if (stmt) {
      facts.edits.setStatus = (code) => [insertBefore(text, stmt, `${target}.WriteHeader(${statusText(code)})`)];
      facts.edits.addHeader = (name, value) => [insertBefore(text, stmt, headerStatement('net/http', target, name, value))];
    }
    const b = written?.body;
    if (b && !written.whole) facts.edits.replaceBody = (t) => [{ start: b.startIndex, end: b.endIndex, newText: t }];
    const form = written && writeForm(call, written);
    if (form && (facts.body?.leak || facts.body?.rawErrorMessage)) facts.edits.redactBody = (message) => redactEdits({ text, tree: input.tree, body: form, stmt, mapType: 'map[string]string', caught: branch?.errorName }, message);
    return facts;
  }
  const args = namedArgs(call.childForFieldName('arguments'));
  facts.body = bodyFacts(args[0], branch?.errorName);
  const receiver = calleeParts(call).receiver!;
  facts.edits.setStatus = (code) => [{ start: receiver.endIndex, end: receiver.endIndex, newText: `.Status(${statusText(code)})` }];
  if (stmt) facts.edits.addHeader = (name, value) => [insertBefore(text, stmt, headerStatement('fiber', target, name, value))];
  if (args[0]) facts.edits.replaceBody = (t) => [{ start: args[0].startIndex, end: args[0].endIndex, newText: t }];
  if (args[0] && (facts.body?.leak || facts.body?.rawErrorMessage)) facts.edits.redactBody = (message) => redactEdits({ text, tree: input.tree, body: { kind: 'value', node: args[0] }, stmt, mapType: 'fiber.Map', caught: branch?.errorName }, message);
  return facts;
}

/** http.NotFound(w, r): a 404 written by a helper; changing it writes http.Error with the new code. */
export function notFoundResponse(call: Node, input: ImplicitInput): ResponseFacts {
  const { text, httpName, statusText } = input;
  const args = namedArgs(call.childForFieldName('arguments'));
  const w = args[0]?.text;
  const stmt = statementOf(call);
  const h = headersBefore(call, w, call.startIndex, input, true);
  const facts: ResponseFacts = { span: spanOf(call), headers: h.headers, headersUnknown: h.unknown || undefined, branch: branchOf(call), edits: {} };
  if (w) {
    facts.edits.setStatus = (code) => [{ start: call.startIndex, end: call.endIndex, newText: `${httpName}.Error(${w}, ${httpName}.StatusText(${statusText(code)}), ${statusText(code)})` }];
    if (stmt) facts.edits.addHeader = (name, value) => [insertBefore(text, stmt, headerStatement('net/http', w, name, value))];
  }
  return facts;
}
