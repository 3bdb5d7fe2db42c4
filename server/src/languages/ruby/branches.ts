// The condition a Ruby response sits under: a `rescue` (or a `rescue_from` handler), an
// `if`/`unless` (also as modifiers) and its `else`, classified by what the condition checks.
import type { Node } from '../../parsing/treeSitter';
import type { BranchFact } from '../../model';
import { spanOf } from '../syntax';
import { callArgs, callName, pairKey } from './syntax';
import { parentOf, typeOf } from '../parents';

/** Where a search for the enclosing branch or handler stops. */
export const SCOPES = new Set(['method', 'singleton_method', 'class', 'module', 'program', 'lambda']);

/**
 * The handler scope of a node: its method, or the block of a route / rescue_from call, or a
 * lambda. Blocks of other calls (`respond_to do |format|`, `format.json { }`) are looked through.
 */
export function scopeOf(node: Node, isScopeBlock: (block: Node) => boolean): Node | undefined {
  for (let n = parentOf(node); n; n = parentOf(n)) {
    if (SCOPES.has(typeOf(n))) return n;
    if ((typeOf(n) === 'do_block' || typeOf(n) === 'block') && isScopeBlock(n)) return n;
  }
  return undefined;
}

/** The first parameter name of a method, block or lambda, if it is a plain identifier. */
export function firstParam(scope: Node): string | undefined {
  const params = scope.childForFieldName('parameters');
  const first = params?.namedChild(0);
  return first && typeOf(first) === 'identifier' ? first.text : undefined;
}

/**
 * The branch a node sits in, innermost first, up to its scope. `rescueHandler` says whether the
 * scope is a `rescue_from` handler (then a response there answers a caught error).
 */
export function branchOf(node: Node, scope: Node | undefined, rescueHandler: boolean): BranchFact | undefined {
  for (let n = parentOf(node), child: Node = node; n && n.id !== scope?.id; child = n, n = parentOf(n)) {
    switch (typeOf(n)) {
      case 'rescue': {
        if (n.childForFieldName('body')?.id !== child.id) break;
        const variable = n.childForFieldName('variable')?.namedChild(0);
        return { kind: 'catch', span: spanOf(n), errorName: variable && typeOf(variable) === 'identifier' ? variable.text : undefined };
      }
      case 'if':
      case 'unless':
      case 'elsif': {
        const cond = n.childForFieldName('condition');
        if (!cond || cond.id === child.id) break;
        const inElse = n.childForFieldName('alternative')?.id === child.id;
        return { kind: classifyCondition(cond.text, (typeOf(n) === 'unless') !== inElse), span: spanOf(cond) };
      }
      case 'if_modifier':
      case 'unless_modifier': {
        const cond = n.childForFieldName('condition');
        if (!cond || cond.id === child.id) break;
        return { kind: classifyCondition(cond.text, typeOf(n) === 'unless_modifier'), span: spanOf(cond) };
      }
      case 'conditional': {
        // cond ? a : b
        const cond = n.childForFieldName('condition');
        if (!cond || cond.id === child.id) break;
        return { kind: classifyCondition(cond.text, n.childForFieldName('alternative')?.id === child.id), span: spanOf(cond) };
      }
      default:
        break;
    }
  }
  if (rescueHandler && scope) return { kind: 'catch', span: spanOf(scope), errorName: firstParam(scope) };
  return undefined;
}

/**
 * Names the kind of check a condition makes. `negated`: the code runs when the condition is
 * false (`unless`, an `else`). Unknown checks are `other`.
 */
export function classifyCondition(cond: string, negated: boolean): BranchFact['kind'] {
  let c = cond.trim();
  let neg = negated;
  const bang = /^(!|not\s+)\s*(.*)$/s.exec(c);
  if (bang) {
    c = bang[2].replace(/^\((.*)\)$/s, '$1');
    neg = !neg;
  }
  // A failed save / update / validation: `if @post.save ... else`, `unless user.valid?`.
  if (neg && /\.(save!?|update!?|update_attributes|valid\?|create)(?!\w)/.test(c)) return 'validation-error';
  if (!neg && /\.(invalid\?|errors\.(any\?|present\?))|\.errors\.(any|present)\?/.test(c)) return 'validation-error';
  if (/authenticat|authoriz|current_user|logged_in|signed_in|\btoken\b|admin\?|\bcan\?|cannot\?|permitted|permission|\bsession\b|api_key/i.test(c)) return 'auth-check';
  if (/\bparams\b/.test(c)) return 'input-check';
  // unless data['title']: a field missing from the parsed input.
  if (neg && /^@?\w+\[\s*(['"]\w+['"]|:\w+)\s*\]$/.test(c)) return 'input-check';
  if (neg && /^@?[a-z_]\w*(\.(exists\?|present\?|any\?))?$/.test(c)) return 'not-found';
  if (!neg && /(\.nil\?|\.blank\?|\.none\?|\.empty\?|==\s*nil)$/.test(c)) return 'not-found';
  return 'other';
}

/** The handler named by `rescue_from X, with: :handler`, or undefined. */
export function rescueHandlerName(call: Node): string | undefined {
  if (callName(call) !== 'rescue_from') return undefined;
  for (const a of callArgs(call)) {
    if (typeOf(a) === 'pair' && pairKey(a) === 'with') {
      const v = a.childForFieldName('value');
      if (v && typeOf(v) === 'simple_symbol') return v.text.slice(1);
    }
  }
  return undefined;
}
