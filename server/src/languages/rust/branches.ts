// The condition a Rust response sits under: an `Err(e)` arm or `if let Err(e)`, a closure in
// `.map_err(|e| ..)` (the catch-like branches, with the error's name), `None` arms, let-else and
// `.ok_or(..)` (not found), validation and input checks.
import { parentOf } from '../ancestry';
import type { Node } from '../../parsing/treeSitter';
import type { BranchFact } from '../../model';
import { spanOf } from '../syntax';
import { calleeText } from './contexts';

const ERR_CLOSURES = /^\.(map_err|unwrap_or_else|or_else|map_or_else)$/;

/** The branch a node sits in (innermost, within its function), if any. */
export function branchOf(node: Node): BranchFact | undefined {
  for (let n = parentOf(node), child: Node = node; n; child = n, n = parentOf(n)) {
    switch (n.type) {
      case 'function_item':
        return undefined;
      case 'closure_expression':
        return closureBranch(n);
      case 'match_arm':
        if (n.childForFieldName('value')?.startIndex === child.startIndex) {
          const fact = armBranch(n);
          if (fact) return fact;
        }
        break;
      case 'if_expression': {
        const cond = n.childForFieldName('condition');
        if (!cond) break;
        if (n.childForFieldName('consequence')?.startIndex === child.startIndex) return conditionBranch(cond, false);
        if (n.childForFieldName('alternative')?.startIndex === child.startIndex && cond.type === 'let_condition') {
          const fact = conditionBranch(cond, true);
          if (fact) return fact;
        }
        break;
      }
      case 'let_declaration':
        // let Some(x) = lookup() else { return ... };
        if (n.childForFieldName('alternative')?.startIndex === child.startIndex) return patternBranch(n.childForFieldName('pattern'), n.childForFieldName('value'), true, spanOf(n));
        break;
      case 'arguments': {
        const call = parentOf(n);
        if (call?.type === 'call_expression' && /^\.(ok_or|ok_or_else)$/.test(calleeText(call))) return { kind: 'not-found', span: spanOf(call) };
        break;
      }
      default:
        break;
    }
  }
  return undefined;
}

/** `.map_err(|e| ...)`: the closure runs on the error; other closures end the search. */
function closureBranch(closure: Node): BranchFact | undefined {
  const call = parentOf(closure)?.type === 'arguments' ? parentOf(parentOf(closure)) : undefined;
  if (call?.type !== 'call_expression') return undefined;
  const callee = calleeText(call);
  if (/^\.ok_or_else$/.test(callee)) return { kind: 'not-found', span: spanOf(call) };
  if (!ERR_CLOSURES.test(callee)) return undefined;
  const param = closure.childForFieldName('parameters')?.namedChild(0);
  const name = param?.type === 'identifier' && param.text !== '_' ? param.text : undefined;
  const receiver = call.childForFieldName('function')?.childForFieldName('value')?.text ?? '';
  return { kind: /validat/i.test(receiver) ? 'validation-error' : 'catch', span: spanOf(call), errorName: name };
}

function armBranch(arm: Node): BranchFact | undefined {
  const pattern = arm.childForFieldName('pattern');
  const match = parentOf(parentOf(arm));
  const subject = match?.type === 'match_expression' ? match.childForFieldName('value') : undefined;
  const text = pattern?.text ?? '';
  if (/^(Ok|Some)\(/.test(text) && !/^Ok\(None\)$/.test(text)) return undefined;
  const fact = patternBranch(pattern, subject ?? null, false, spanOf(pattern ?? arm));
  return fact ?? { kind: classifyText(text), span: spanOf(pattern ?? arm) };
}

/**
 * What matching `pattern` against `value` means for the code it guards (or, with `negated`,
 * for the code that runs when it does not match: an else or let-else).
 */
function patternBranch(pattern: Node | null, value: Node | null, negated: boolean, span: BranchFact['span']): BranchFact | undefined {
  const text = pattern?.text ?? '';
  const subject = value?.text ?? '';
  if (!negated) {
    const err = /^Err\((.*)\)$/s.exec(text);
    if (err) {
      const inner = err[1].trim();
      if (/NotFound|RowNotFound|RecordNotFound/.test(inner)) return { kind: 'not-found', span };
      if (/Rejection/.test(inner)) return { kind: 'input-check', span };
      const name = /^[a-z_]\w*$/.test(inner) && inner !== '_' ? inner : undefined;
      return { kind: /validat/i.test(subject) ? 'validation-error' : 'catch', span, errorName: name };
    }
    if (/^(Ok\()?None\)?$/.test(text)) return { kind: 'not-found', span };
    return undefined;
  }
  if (/^Some\(/.test(text) || /^Ok\(Some\(/.test(text)) return { kind: 'not-found', span };
  if (/^Ok\(/.test(text)) return { kind: /validat/i.test(subject) ? 'validation-error' : 'catch', span };
  return undefined;
}

function conditionBranch(cond: Node, negated: boolean): BranchFact | undefined {
  const span = spanOf(cond);
  if (cond.type === 'let_condition') {
    const fact = patternBranch(cond.childForFieldName('pattern'), cond.childForFieldName('value'), negated, span);
    return fact ?? (negated ? undefined : { kind: 'other', span });
  }
  return { kind: classifyText(cond.text), span };
}

/** Kinds read from a condition's or pattern's text. Unknown checks are 'other'. */
export function classifyText(text: string): BranchFact['kind'] {
  if (/\.is_none\(\)|NotFound|not_found/.test(text)) return 'not-found';
  if (/validat|Invalid/i.test(text)) return 'validation-error';
  if (/\.is_err\(\)/.test(text)) return 'catch';
  if (/[Uu]nauthori[sz]ed|Forbidden|authori[sz]ation|\btoken\b|\bclaims\b|session|permission|is_admin|\brole\b|\bauth/i.test(text)) return 'auth-check';
  if (/\.is_empty\(\)|\.len\(\)\s*[<>=]|\.trim\(\)|Rejection|\bmissing\b/.test(text)) return 'input-check';
  return 'other';
}
