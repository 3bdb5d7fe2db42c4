// The fix for a leaking error body in Go: send a generic message in the same shape (an
// {"error": ...} map for JSON, a string for text), keep a request id the body carries, and log
// the error on the server (log.Printf, or slog when the file uses it).
import { parentOf } from '../ancestry';
import type { Node, Tree } from '../../parsing/treeSitter';
import type { OffsetEdit } from '../../model';
import { namedArgs } from '../syntax';
import { importSpecEdit, importsPath } from './imports';
import { insertBefore, removeStatement } from './statements';
import { heldValue } from './bodies';

const REQUEST_ID = /^"?(request_?id|req_?id|trace_?id|correlation_?id|RequestID|TraceID)"?$/i;
const MAP_TYPE = /^(gin\.H|fiber\.Map|echo\.Map|map\[string\](string|any|interface\{\}))$/;
const LEAKY = /\.Error\(\)|debug\.Stack|runtime\.Stack|fmt\.Sprint|fmt\.Errorf/;
const LOGGED = /(^|\.)(log|slog|logger|Logger|log15|lg|zap|logrus|zerolog)\.\w+$/;

export type BodyForm =
  | { kind: 'value'; node: Node } // a JSON value: a map / struct literal, or the error itself
  | { kind: 'string'; node: Node } // a string expression: http.Error's message, w.Write([]byte(...))
  | { kind: 'format'; from: Node; to: Node }; // c.String(code, format, args...), fmt.Fprintf(w, format, args...)

export interface RedactInput {
  text: string;
  tree: Tree | undefined;
  body: BodyForm;
  /** The statement the response is written in (the log line goes before it). */
  stmt: Node | undefined;
  /** The map type a bare error value is replaced with: gin.H, fiber.Map, echo.Map or a plain map. */
  mapType: string;
  /** The error variable of the branch, when known. */
  caught: string | undefined;
}

/** The name of the error a body leaks: the branch's error, or `x` in x.Error() / fmt.Sprint(x). */
function leakedName(body: Node, caught: string | undefined): string | undefined {
  if (caught) return caught;
  const m = /\b([A-Za-z_]\w*)\.Error\(\)/.exec(body.text);
  return m?.[1];
}

/** The replacement text for a JSON value body, or undefined when it cannot keep the Go types right. */
function valueReplacement(node: Node, message: string, mapType: string, text: string): OffsetEdit[] | undefined {
  const q = JSON.stringify(message);
  const value = node.type === 'unary_expression' ? node.childForFieldName('operand') ?? node : node;
  if (value.type !== 'composite_literal') return [{ start: node.startIndex, end: node.endIndex, newText: `${mapType}{"error": ${q}}` }];
  const type = value.childForFieldName('type')?.text.replace(/\s+/g, '') ?? '';
  const elements = namedArgs(value.childForFieldName('body')).filter((e) => e.type === 'keyed_element');
  if (MAP_TYPE.test(type)) {
    const kept = elements.filter((e) => REQUEST_ID.test(e.childForFieldName('key')?.text ?? '')).map((e) => `, ${e.text}`);
    return [{ start: value.startIndex, end: value.endIndex, newText: `${text.slice(value.startIndex, value.childForFieldName('body')!.startIndex)}{"error": ${q}${kept.join('')}}` }];
  }
  // A struct: replace the leaking string fields; anything else (a []byte stack field) is left to the user.
  const edits: OffsetEdit[] = [];
  for (const e of elements) {
    const v = e.childForFieldName('value');
    if (!v || !LEAKY.test(v.text)) continue;
    if (!/^(\w+\.Error\(\)|fmt\.Sprint\w*\(.*\)|string\(.*\))$/s.test(v.text)) return undefined;
    edits.push({ start: v.startIndex, end: v.endIndex, newText: edits.length ? '""' : q });
  }
  return edits.length ? edits : undefined;
}

/** Edits that send `message` instead of the leak and log the error before the response. */
export function redactEdits(input: RedactInput, message: string): OffsetEdit[] | undefined {
  const { body, text } = input;
  const q = JSON.stringify(message);
  let edits: OffsetEdit[] | undefined;
  let scope: Node;
  /** What the edit takes out of the response: a local message it sent goes with it. */
  let replaced: Node[] = [];
  if (body.kind === 'value') {
    scope = body.node;
    edits = valueReplacement(body.node, message, input.mapType, text);
    replaced = [body.node];
  } else if (body.kind === 'string') {
    scope = body.node;
    // []byte(msg) and string(msg) parse as conversions: the message is the operand.
    const inner = body.node.type === 'type_conversion_expression' ? body.node.childForFieldName('operand') ?? body.node : body.node;
    edits = [{ start: inner.startIndex, end: inner.endIndex, newText: q }];
    replaced = [inner];
  } else {
    scope = parentOf(body.from) ?? body.from;
    edits = [{ start: body.from.startIndex, end: body.to.endIndex, newText: JSON.stringify(message.replace(/%/g, '%%')) }];
    replaced = namedArgs(scope).filter((a) => a.startIndex >= body.from.startIndex && a.endIndex <= body.to.endIndex);
  }
  if (!edits) return undefined;
  // `msg := fmt.Sprintf("...", err)` used only by the body: Go refuses a variable declared and not used.
  for (const r of replaced) {
    if (r.type !== 'identifier' || r.text === input.caught) continue;
    const held = heldValue(r);
    const list = held && parentOf(held.stmt);
    if (held && list && (list.text.match(new RegExp(`\\b${r.text}\\b`, 'g')) ?? []).length === 2 && held.stmt.type !== 'assignment_statement') edits.push(removeStatement(text, held.stmt));
  }
  const name = leakedName(scope, input.caught);
  if (name && input.stmt && !alreadyLogged(input.stmt, name)) {
    const slog = importsPath(text, 'log/slog');
    const line = slog ? `slog.Error("request failed", "err", ${name})` : `log.Printf("request failed: %v", ${name})`;
    edits.unshift(insertBefore(text, input.stmt, line));
    const imp = slog ? undefined : importSpecEdit(text, input.tree, 'log');
    if (imp) edits.unshift(imp);
  }
  return edits;
}

/** True when a statement in the same list already logs `name`. */
function alreadyLogged(stmt: Node, name: string): boolean {
  const re = new RegExp(`\\b${name}\\b`);
  for (const s of namedArgs(parentOf(stmt))) {
    const call = s.type === 'expression_statement' ? s.namedChild(0) : null;
    if (call?.type !== 'call_expression') continue;
    if (LOGGED.test(call.childForFieldName('function')?.text ?? '') && re.test(call.childForFieldName('arguments')?.text ?? '')) return true;
  }
  return false;
}
