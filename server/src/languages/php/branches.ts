// The condition a PHP response sits under: a `catch`, an `if` / `elseif` / `else`, a ternary,
// or the condition of Laravel's `abort_if` / `abort_unless`, classified by what it checks.
import type { Node } from '../../parsing/treeSitter';
import type { BranchFact } from '../../model';
import { spanOf } from '../syntax';
import { FUNCTION_TYPES, argValue, argumentNodes, callParts } from './syntax';
import { parentOf, typeOf } from '../parents';
import { upTo } from '../ancestry';

/** The branch a node sits in, innermost first, within its function. */
export function branchOf(node: Node): BranchFact | undefined {
  // abort_if($cond, 403) / abort_unless($cond, 403): the call carries its own condition.
  const parts = callParts(node);
  if (parts?.kind === 'function' && (parts.name === 'abort_if' || parts.name === 'abort_unless')) {
    const cond = argValue(argumentNodes(parts)[0]);
    if (cond) return { kind: classifyCondition(cond.text, parts.name === 'abort_unless'), span: spanOf(cond) };
  }
  // Remembered per node climbed from (the answer depends on the child the climb comes from).
  return upTo('php.branch', node, (child): BranchFact | null | undefined => {
    const n = parentOf(child);
    if (!n || FUNCTION_TYPES.has(typeOf(n))) return null;
    switch (typeOf(n)) {
      case 'catch_clause': {
        if (n.childForFieldName('body')?.id !== child.id) break;
        const name = n.childForFieldName('name');
        return { kind: 'catch', span: spanOf(n), errorName: name && typeOf(name) === 'variable_name' ? name.text : undefined };
      }
      case 'if_statement':
      case 'else_if_clause': {
        const cond = n.childForFieldName('condition');
        if (!cond || n.childForFieldName('body')?.id !== child.id) break;
        return { kind: classifyCondition(cond.text, false), span: spanOf(cond) };
      }
      case 'else_clause': {
        // else belongs to the if (or the last elseif) whose condition failed.
        const owner = parentOf(n);
        const cond = owner?.childForFieldName('condition');
        if (cond) return { kind: classifyCondition(cond.text, true), span: spanOf(cond) };
        break;
      }
      case 'conditional_expression': {
        const cond = n.childForFieldName('condition');
        if (!cond || cond.id === child.id) break;
        return { kind: classifyCondition(cond.text, n.childForFieldName('alternative')?.id === child.id), span: spanOf(cond) };
      }
      default:
        break;
    }
    return undefined;
  }, null, parentOf) ?? undefined;
}

/** Names the kind of check a condition makes; `negated` when the code runs if it is false. */
export function classifyCondition(cond: string, negated: boolean): BranchFact['kind'] {
  let c = cond.trim().replace(/^\((.*)\)$/s, '$1').trim();
  let neg = negated;
  if (/^!\s*[^=]/.test(c)) {
    c = c.replace(/^!\s*/, '').replace(/^\((.*)\)$/s, '$1').trim();
    neg = !neg;
  }
  if (!neg && /->fails\(\)|->isInvalid\(\)|->hasErrors\(\)|count\(\$\w*errors\)\s*>|\$\w*errors->(count|any)\(\)/.test(c)) return 'validation-error';
  if (neg && /->(passes|isValid|validate)\(\)/.test(c)) return 'validation-error';
  if (/Auth::|auth\(\)|Gate::|->can\(|->cannot\(|->denies\(|isGranted|authori[sz]e|\btoken\b|Token\b|session|permission|->guest\(\)|->user\(\)|isAuthenticated|api_?key/i.test(c)) return 'auth-check';
  if (/\$request->(has|filled|missing)\b|\$_(GET|POST|REQUEST)\b|json_last_error|(isset|empty|array_key_exists)\(\s*\$(data|input|payload|body|params|request)\b/.test(c)) return 'input-check';
  if (neg && /^\$\w+(->\w+)?$/.test(c)) return 'not-found';
  // `=== null` but not `!== null` (which says it was found).
  if (!neg && /((^|[^!])===?\s*null|^null\s*===?|^is_null\(|^empty\(\$\w+\)$|->isEmpty\(\)|->doesntExist\(\))/.test(c)) return 'not-found';
  return 'other';
}
