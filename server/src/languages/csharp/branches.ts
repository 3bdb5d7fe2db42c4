// The condition a C# response sits under: a catch clause (with its variable), a not-found check
// (`is null`, `== null`, `!Any()`), an input or auth check, or invalid model state.
import type { Node } from '../../parsing/treeSitter';
import type { BranchFact } from '../../model';
import { namedArgs, spanOf } from '../syntax';
import { sameNode } from './nodes';
import { parentOf, upTo } from '../ancestry';

/** `_db.Exists(request.Name)` checks the database, not the input: drop what calls receive. */
function withoutCallArguments(cond: string): string {
  let s = cond.replace(/\(\s*\)/g, '');
  for (let i = 0; i < 5; i++) s = s.replace(/(\w)\s*\([^()]*\)/g, '$1#');
  return s;
}

/**
 * Names the kind of check an `if` makes, from its condition text. Unknown checks are `other`.
 * `params` gives the handler's parameter names: an emptiness or length check is an input check
 * only when it looks at one of them (`string.IsNullOrEmpty(name)`), not at configuration.
 */
export function classifyCondition(cond: string, params?: () => string[]): BranchFact['kind'] {
  if (/!\s*[\w.]*\.IsValid\b|\.IsValid\s*==\s*false|\.Errors\.(Any|Count)|is\s+ValidationException|\bvalidat/i.test(cond)) return 'validation-error';
  if (/IsAuthenticated|IsInRole|Authoriz|\btoken\b|\bclaims?\b|permission|api[-_]?key|isAdmin|isOwner/i.test(cond) || /\bUser\.(Identity|Claims|IsInRole|FindFirst|HasClaim)/.test(cond)) return 'auth-check';
  // The request's own parts, not another object's (`upstream.Body == null` checks what a server sent back).
  if (/(?<![.\w])(request|req|body|dto|input|payload|command|model)\b/i.test(withoutCallArguments(cond))) return 'input-check';
  if (/string\.IsNullOrWhiteSpace|string\.IsNullOrEmpty|\.Length\s*[<>]|\.Count\s*[<>]|\bmissing/i.test(cond) && (!params || mentionsAny(cond, params()))) return 'input-check';
  if (/\bis\s+not\s+(?!null\b)[A-Z]\w*\s+\w+|\bis\s+null\b|==\s*null\b|\bnull\s*==|!\s*[\w.]*(Any|Exists)\w*\s*\(|!\s*\w*[Ee]xists\b|\bnotFound\b|\.Count\s*==\s*0/.test(cond)) return 'not-found';
  return 'other';
}

function mentionsAny(cond: string, names: string[]): boolean {
  return names.some((n) => new RegExp(`(?<![.\\w])@?${n}\\b`).test(cond));
}

/** The parameter names of the method, local function or lambda around `node`. */
function paramsAround(node: Node): string[] {
  return upTo('cs.params', parentOf(node), (n): string[] | undefined => {
    if (n.type === 'method_declaration' || n.type === 'local_function_statement' || n.type === 'lambda_expression' || n.type === 'constructor_declaration') {
      const list = n.childForFieldName('parameters');
      if (list?.type === 'identifier') return [list.text];
      return namedArgs(list).map((p) => (p.type === 'identifier' ? p.text : p.childForFieldName('name')?.text ?? '')).filter(Boolean);
    }
    return n.type === 'class_declaration' ? [] : undefined;
  }, []);
}

/** The `else` of a presence check (`if (x != null) ... else`) is the not-found case. */
function classifyElse(cond: string): BranchFact['kind'] {
  if (/^\(?\s*[\w.]*\.IsValid\s*\)?$/.test(cond.trim())) return 'validation-error';
  return /!=\s*null\b|\bis\s+not\s+null\b|\bis\s+(?!not\b|null\b)[A-Z]\w*\s+\w+|\.Any\s*\(|\bExists\w*\s*\(/.test(cond) ? 'not-found' : 'other';
}

function catchVariable(clause: Node): string | undefined {
  for (let i = 0; i < clause.namedChildCount; i++) {
    const d = clause.namedChild(i);
    if (d?.type === 'catch_declaration') return d.childForFieldName('name')?.text;
  }
  return undefined;
}

/** The innermost branch `node` sits in, within its method or top-level statements. */
export function branchOf(node: Node): BranchFact | undefined {
  // Remembered per node climbed from: the answer depends on the child the climb comes from.
  return upTo('cs.branch', node, (child) => branchAbove(child), null) ?? undefined;
}

/** The branch `child`'s parent makes, null when the climb ends there without one, undefined to climb on. */
function branchAbove(child: Node): BranchFact | null | undefined {
  const n = parentOf(child);
  if (!n) return null;
  switch (n.type) {
    case 'catch_clause':
      return { kind: 'catch', span: spanOf(n), errorName: catchVariable(n) };
    case 'if_statement':
    case 'conditional_expression': {
      const cond = n.childForFieldName('condition');
      if (!cond || sameNode(cond, child)) break;
      if (sameNode(n.childForFieldName('consequence'), child)) return { kind: classifyCondition(cond.text, () => paramsAround(n)), span: spanOf(cond) };
      if (sameNode(n.childForFieldName('alternative'), child)) return { kind: classifyElse(cond.text), span: spanOf(cond) };
      break;
    }
    case 'method_declaration':
    case 'local_function_statement':
    case 'class_declaration':
    case 'compilation_unit':
      return null;
    default:
      break;
  }
  return undefined;
}
