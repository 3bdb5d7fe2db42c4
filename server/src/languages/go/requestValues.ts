// Whether a condition checks what the client sent. `if name == ""` is a check of the request's
// input only when `name` came from the request (r.FormValue, c.Param, a decoded body...); the
// same test on a setting read from the environment is the server's own fault, and a 500 there
// is right. Read from the text of the function before the condition, one statement per line.
import type { Node } from '../../parsing/treeSitter';
import { namedArgs } from '../syntax';
import { enclosingFunctionOf } from './functions';

const REQUEST_TYPES = /(\*http\.Request|gin\.Context|echo\.Context|fiber\.Ctx)$/;
/** Calls that fill their `&x` argument from the request body or query. */
const FILLS = /\b(Decode|Unmarshal|Bind\w*|ShouldBind\w*|MustBind\w*|BodyParser|QueryParser|ParamsParser)\s*\(/;
const STRINGS = /"(?:[^"\\\n]|\\.)*"|`[^`]*`/g;
const ASSIGN = /^\s*(?:(?:if|for|switch)\s+)?(?:var\s+)?([A-Za-z_][\w]*(?:\s*,\s*[A-Za-z_]\w*)*)\s*(?:[A-Za-z_][\w.[\]*]*\s*)?:?=(?!=)\s*(.*)$/;

/** The identifiers an expression starts from: `in` and `r` in `in.Name == "" || r.Body == nil`. */
function roots(text: string): string[] {
  const out: string[] = [];
  for (const m of text.replace(STRINGS, '""').matchAll(/(?<![\w.])([A-Za-z_]\w*)/g)) out.push(m[1]);
  return out;
}

/**
 * An expression that reads a request value: `r.FormValue("q")`, `in.Name`, or one of those
 * trimmed, converted or read (`strings.TrimSpace(...)`, `io.ReadAll(r.Body)`). `load(in.Name)` is a lookup, not the input.
 */
function readsFrom(expr: string, derived: Set<string>): boolean {
  const [first, ...rest] = roots(expr);
  if (first && derived.has(first)) return true;
  return /^(strings|strconv|io|ioutil)$/.test(first ?? '') && rest.some((r) => derived.has(r));
}

function requestParams(fn: Node): string[] {
  const out: string[] = [];
  for (const p of namedArgs(fn.childForFieldName('parameters'))) {
    if (!REQUEST_TYPES.test(p.childForFieldName('type')?.text.replace(/\s+/g, '') ?? '')) continue;
    for (const id of namedArgs(p)) if (id.type === 'identifier') out.push(id.text);
  }
  return out;
}

/** True when a name the condition `text` (written at `at`) tests holds something the request carried. */
export function checksRequest(at: Node, text: string): boolean {
  const fn = enclosingFunctionOf(at);
  if (!fn) return false;
  const derived = new Set(requestParams(fn));
  if (!derived.size) return false;
  const mentions = (s: string) => roots(s).some((r) => derived.has(r));
  const before = fn.text.slice(0, at.startIndex - fn.startIndex);
  for (const raw of before.split('\n')) {
    // `if name := r.FormValue("name"); ...`: each clause of a line on its own.
    for (const line of raw.replace(STRINGS, '""').split(';')) {
      const a = ASSIGN.exec(line);
      if (a && readsFrom(a[2], derived)) for (const name of a[1].split(',')) derived.add(name.trim());
      if (FILLS.test(line) && mentions(line)) for (const m of line.matchAll(/&\s*([A-Za-z_]\w*)/g)) derived.add(m[1]);
    }
  }
  return mentions(text);
}
