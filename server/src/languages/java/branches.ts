// The condition a Java response sits under: a catch clause (or an @ExceptionHandler method, which
// is one), a not-found check (`== null`, `isEmpty()`, `orElse(...)`), an input or auth check, or
// validation errors (`bindingResult.hasErrors()`).
import type { Node } from '../../parsing/treeSitter';
import type { BranchFact } from '../../model';
import { namedArgs, spanOf } from '../syntax';
import { exceptionParameter, isExceptionHandler } from './handlers';
import { callParts, sameNode } from './nodes';
import { parentOf, upTo } from '../ancestry';

/**
 * Names the kind of check an `if` makes, from its condition text. Unknown checks are `other`.
 * `params` gives the handler's parameter names: a blank or length check is an input check only
 * when it looks at one of them (`q.isBlank()`), not at configuration (`apiKey.isBlank()`).
 */
export function classifyCondition(cond: string, params?: () => string[]): BranchFact['kind'] {
  if (/\.(hasErrors|hasFieldErrors|hasGlobalErrors)\s*\(|instanceof\s+\w*(Validation|ConstraintViolation|MethodArgumentNotValid|BindException)|!\s*\w*\.?is[Vv]alid\w*\s*\(|violations|\bvalidat/i.test(cond)) return 'validation-error';
  if (/authori[sz]|\btoken\b|principal|authenticat|hasRole|hasAuthority|isAdmin|permission|\bcanAccess|isOwner/i.test(cond)) return 'auth-check';
  // The request's own parts, not another object's (`upstream.body() == null` checks what a server sent back).
  if (/(?<![.\w$])(request|req|body|dto|input|payload|params?|form|command)\b/i.test(withoutCallArguments(cond))) return 'input-check';
  if (/\.isBlank\s*\(|StringUtils\.|\.length\s*\(\)\s*[<>]|\.size\s*\(\)\s*[<>]|\bmissing/i.test(cond) && (!params || mentionsAny(cond, params()))) return 'input-check';
  if (/==\s*null\b|\bnull\s*==|\.isEmpty\s*\(\)|!\s*[\w.]+\.isPresent\s*\(\)|!\s*[\w.]*exists\w*\s*\(|\bnotFound\b/i.test(cond)) return 'not-found';
  return 'other';
}

function mentionsAny(cond: string, names: string[]): boolean {
  return names.some((n) => new RegExp(`(?<![.\\w$])${n.replace(/\$/g, '\\$')}\\b`).test(cond));
}

/** The parameter names of the method or lambda around `node`. */
function paramsAround(node: Node): string[] {
  return upTo('java.params', parentOf(node), (n): string[] | undefined => {
    if (n.type === 'method_declaration' || n.type === 'constructor_declaration') {
      return namedArgs(n.childForFieldName('parameters')).map((p) => p.childForFieldName('name')?.text ?? '').filter(Boolean);
    }
    if (n.type === 'lambda_expression') {
      const p = n.childForFieldName('parameters');
      if (p?.type === 'identifier') return [p.text];
      return namedArgs(p).map((x) => (x.type === 'identifier' ? x.text : x.childForFieldName('name')?.text ?? '')).filter(Boolean);
    }
    return n.type === 'class_body' ? [] : undefined;
  }, []);
}

/** `service.exists(request.name())` checks the service, not the input: drop what calls receive. */
function withoutCallArguments(cond: string): string {
  let s = cond.replace(/\(\s*\)/g, '');
  for (let i = 0; i < 5; i++) s = s.replace(/(\w)\s*\([^()]*\)/g, '$1#');
  return s;
}

/** The `else` of a presence check (`if (x != null) ... else`) is the not-found case. */
function classifyElse(cond: string): BranchFact['kind'] {
  return /!=\s*null\b|\.isPresent\s*\(\)|\bexists\w*\s*\(/.test(cond) ? 'not-found' : 'other';
}

function catchVariable(clause: Node): string | undefined {
  for (let i = 0; i < clause.namedChildCount; i++) {
    const p = clause.namedChild(i);
    if (p?.type === 'catch_formal_parameter') return p.childForFieldName('name')?.text;
  }
  return undefined;
}

/** The innermost branch `node` sits in, within its method. */
export function branchOf(node: Node): BranchFact | undefined {
  // Remembered per node climbed from: the answer depends on the child the climb comes from.
  return upTo('java.branch', node, (child) => branchAbove(child), null) ?? undefined;
}

/** The branch `child`'s parent makes, null when the climb ends there without one, undefined to climb on. */
function branchAbove(child: Node): BranchFact | null | undefined {
  const n = parentOf(child);
  if (!n) return null;
  switch (n.type) {
    case 'catch_clause':
      return { kind: 'catch', span: spanOf(n), errorName: catchVariable(n) };
    case 'if_statement':
    case 'ternary_expression': {
      const cond = n.childForFieldName('condition');
      if (!cond || sameNode(cond, child)) break;
      if (sameNode(n.childForFieldName('consequence'), child)) return { kind: classifyCondition(cond.text, () => paramsAround(n)), span: spanOf(cond) };
      if (sameNode(n.childForFieldName('alternative'), child)) return { kind: classifyElse(cond.text), span: spanOf(cond) };
      break;
    }
    case 'argument_list': {
      // repo.findById(id).map(ResponseEntity::ok).orElse(ResponseEntity.notFound().build())
      const call = parentOf(n);
      if (call?.type === 'method_invocation' && /^(orElse|orElseGet)$/.test(callParts(call).name ?? '')) return { kind: 'not-found', span: spanOf(call) };
      break;
    }
    case 'method_declaration':
      return isExceptionHandler(n) ? { kind: 'catch', span: spanOf(n), errorName: exceptionParameter(n) } : null;
    case 'class_body':
    case 'program':
      return null;
    default:
      break;
  }
  return undefined;
}
