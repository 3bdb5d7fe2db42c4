// Macro arguments are token trees, not expressions: `assert_eq!(resp.status(), StatusCode::CREATED)`
// holds the tokens `StatusCode`, `::`, `CREATED`. These helpers read statuses and json! bodies
// out of the tokens.
import type { Node } from '../../parsing/treeSitter';
import type { SiteRole, Span } from '../../model';
import { lookupConstant } from '../../data';
import { intLiteral } from '../syntax';

export interface MacroSite {
  code: number;
  span: Span;
  kind: 'number' | 'constant';
  name?: string;
  role: SiteRole;
  form: string;
}

const ASSERTS = /^(assert_eq|assert_ne|debug_assert_eq|debug_assert_ne|prop_assert_eq|prop_assert_ne|assert|debug_assert|prop_assert)$/;

export function macroName(inv: Node): string {
  const m = inv.childForFieldName('macro')?.text ?? '';
  return m.slice(m.lastIndexOf(':') + 1);
}

/** The children of a token tree without its delimiters. */
export function tokens(tt: Node): Node[] {
  const out: Node[] = [];
  for (let i = 1; i < tt.childCount - 1; i++) {
    const c = tt.child(i);
    if (c) out.push(c);
  }
  return out;
}

/** Top-level comma-separated groups of a token tree. */
export function splitArgs(tt: Node): Node[][] {
  const groups: Node[][] = [[]];
  for (const t of tokens(tt)) {
    if (t.type === ',') groups.push([]);
    else groups[groups.length - 1].push(t);
  }
  return groups.filter((g) => g.length);
}

/** `StatusCode::NAME` (with any path before it) starting at token `i`: its span, name and code. */
function constantAt(toks: Node[], i: number): { span: Span; name: string; code: number; next: number } | undefined {
  let j = i;
  while (toks[j]?.type === 'identifier' && toks[j + 1]?.type === '::' && toks[j].text !== 'StatusCode') j += 2;
  if (toks[j]?.text !== 'StatusCode' || toks[j + 1]?.type !== '::' || toks[j + 2]?.type !== 'identifier') return undefined;
  const name = toks[j + 2].text;
  const hit = lookupConstant('rust-http', name);
  return hit ? { span: { start: toks[i].startIndex, end: toks[j + 2].endIndex }, name, code: hit.code, next: j + 3 } : undefined;
}

/** True when the tokens read a response's status: `resp.status()` or `res.status().as_u16()`. */
function readsStatus(toks: Node[]): boolean {
  for (let i = 0; i + 1 < toks.length; i++) {
    if ((toks[i].text === 'status' || toks[i].text === 'status_code') && toks[i + 1].type === 'token_tree' && toks[i + 1].text.replace(/\s/g, '') === '()' && toks[i - 1]?.type === '.') return true;
  }
  return false;
}

/** The status an assertion side states: a lone number or a lone StatusCode constant. */
function expectedStatus(toks: Node[], role: SiteRole, form: string): MacroSite | undefined {
  if (toks.length === 1 && toks[0].type === 'integer_literal') {
    const code = intLiteral(toks[0].text.replace(/_?(u16|u32|u64|i32|i64|usize)$/, ''));
    return code === undefined ? undefined : { code, span: { start: toks[0].startIndex, end: toks[0].endIndex }, kind: 'number', role, form };
  }
  const c = constantAt(toks, 0);
  // Allow `StatusCode::OK.as_u16()` after the constant, nothing else.
  if (c && (c.next === toks.length || toks[c.next]?.type === '.')) return { code: c.code, span: c.span, kind: 'constant', name: c.name, role, form };
  return undefined;
}

/** Status sites in a macro invocation: asserted statuses, and StatusCode constants anywhere in it. */
export function macroSites(inv: Node): MacroSite[] {
  const tt = namedTokenTree(inv);
  if (!tt) return [];
  const name = macroName(inv);
  const out: MacroSite[] = [];
  if (ASSERTS.test(name)) {
    const args = splitArgs(tt);
    let sides: Node[][] = [];
    if (/_(eq|ne)$/.test(name)) sides = args.slice(0, 2);
    else if (args[0]) {
      const op = args[0].findIndex((t) => t.type === '==' || t.type === '!=');
      if (op > 0) sides = [args[0].slice(0, op), args[0].slice(op + 1)];
    }
    if (sides.length === 2) {
      for (const [k, side] of sides.entries()) {
        if (!readsStatus(sides[1 - k])) continue;
        const site = expectedStatus(side, 'assertion', `${name}!()`);
        if (site) out.push(site);
      }
    }
  }
  collectConstants(tt, out);
  return out.sort((a, b) => a.span.start - b.span.start);
}

/** StatusCode constants anywhere in a token tree (nested ones too), as references. */
function collectConstants(tt: Node, out: MacroSite[]): void {
  const toks = tokens(tt);
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i];
    if (t.type === 'token_tree') {
      collectConstants(t, out);
      continue;
    }
    if (t.type !== 'identifier' || (i > 0 && toks[i - 1].type === '::')) continue;
    const c = constantAt(toks, i);
    if (!c) continue;
    if (!out.some((s) => s.span.start === c.span.start)) out.push({ code: c.code, span: c.span, kind: 'constant', name: c.name, role: 'reference', form: `StatusCode::${c.name}` });
    i = c.next - 1;
  }
}

export function namedTokenTree(inv: Node): Node | undefined {
  for (let i = 0; i < inv.namedChildCount; i++) {
    const c = inv.namedChild(i);
    if (c?.type === 'token_tree') return c;
  }
  return undefined;
}

/** json!({ "key": value, ... }): each top-level key with its value tokens. */
export function jsonPairs(inv: Node): { key: string; keyNode: Node; value: Node[] }[] {
  const tt = namedTokenTree(inv);
  const obj = tt ? tokens(tt).find((t) => t.type === 'token_tree' && t.text.startsWith('{')) : undefined;
  if (!obj) return [];
  const out: { key: string; keyNode: Node; value: Node[] }[] = [];
  for (const group of splitArgs(obj)) {
    if (group[0]?.type === 'string_literal' && group[1]?.type === ':') out.push({ key: group[0].text.slice(1, -1), keyNode: group[0], value: group.slice(2) });
  }
  return out;
}
