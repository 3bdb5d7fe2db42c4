// The condition a response sits under, classified from what the condition reads: the request's
// own input (a field of req.body, a name destructured from it), the result of a schema
// validation, the caller's credentials, a lookup that found nothing. Only what the syntax shows
// is classified; a condition on anything else is `other`.
import type { Node, Tree } from '../../parsing/treeSitter';
import type { BranchFact } from '../../model';
import { spanOf } from '../syntax';

const FUNCTIONS = ['function_declaration', 'function_expression', 'arrow_function', 'method_definition', 'generator_function_declaration'];

/** The enclosing function of a node, if any. */
export function enclosingFunction(node: Node): Node | undefined {
  for (let n = node.parent; n; n = n.parent) if (FUNCTIONS.includes(n.type)) return n;
  return undefined;
}

/** Request input read directly: req.body, request.query, ctx.request.body, c.req.param(...). */
const REQUEST_INPUT = /\b(req|request|ctx\.request|c\.req)\.(body|query|params|param\(|queries\(|headers|cookies|files?|json\(|formData\(|text\(|valid\()/;
const AUTH = /authori[sz]ation|\btoken\b|\bapi[_-]?key\b|\bsession\b|req(uest)?\.user\b|ctx\.state\.user|\bisAuth|\bcurrentUser\b|\bpermission|\brole\b|\bisAdmin\b|\bcan[A-Z]\w*\(/i;
const VALIDATION_CALL = /(^|\.)(safeParse|safeParseAsync|validate|validateSync|validateAsync|isValid\w*|validationResult|check|assert|parseAsync|decode)$/;
const VALIDATION_ERROR_TYPES = /instanceof\s+([\w$]+\.)*(ZodError|ValidationError|ValidateError|SyntaxError|AjvError|ValiError|ArkErrors)\b/;

interface ScopeNames {
  input: string[];
  validation: string[];
}

// Per tree, by node id: web-tree-sitter makes a new Node object on every `parent` or child
// access, so a cache keyed by the Node object itself never hit and every if-branch re-walked
// its whole function (a fifth of the extraction time on a 10,000-line file).
const scopeCache = new WeakMap<Tree, Map<number, ScopeNames>>();

/** Names the function binds to request input, and to the results of validating something. */
function scopeNames(fn: Node | undefined): ScopeNames {
  if (!fn) return { input: [], validation: [] };
  let byId = scopeCache.get(fn.tree);
  if (!byId) scopeCache.set(fn.tree, (byId = new Map()));
  const cached = byId.get(fn.id);
  if (cached) return cached;
  const names: ScopeNames = { input: [], validation: [] };
  const stack: Node[] = [fn];
  let visited = 0;
  while (stack.length && visited++ < 20_000) {
    const n = stack.pop()!;
    if (n.type === 'variable_declarator') {
      let value = n.childForFieldName('value');
      while (value && (value.type === 'await_expression' || value.type === 'parenthesized_expression')) value = value.namedChild(0);
      const target = n.childForFieldName('name');
      if (value && target) {
        const callee = value.type === 'call_expression' ? value.childForFieldName('function')?.text ?? '' : '';
        if (isRequestInput(value, callee)) names.input.push(...boundNames(target));
        else if (callee && VALIDATION_CALL.test(callee)) names.validation.push(...boundNames(target));
      }
    }
    for (let i = n.namedChildCount - 1; i >= 0; i--) {
      const c = n.namedChild(i);
      // Nested functions have their own scope.
      if (c && !FUNCTIONS.includes(c.type)) stack.push(c);
    }
  }
  byId.set(fn.id, names);
  return names;
}

/** `req.body`, `req.query.page`, `await req.json()`, `c.req.valid('json')`... */
function isRequestInput(value: Node, callee: string): boolean {
  if (callee) return /^(req|request|c\.req|ctx\.request)\.(json|formData|text|valid|param|query|queries|parseBody)$/.test(callee);
  return /^(req|request|ctx\.request|c\.req)\.(body|query|params|headers|cookies|files?)\b/.test(value.text);
}

function boundNames(target: Node): string[] {
  if (target.type === 'identifier') return [target.text];
  const out: string[] = [];
  const stack: Node[] = [target];
  while (stack.length) {
    const n = stack.pop()!;
    if (n.type === 'shorthand_property_identifier_pattern' || (n.type === 'identifier' && n.parent?.type !== 'pair_pattern')) out.push(n.text);
    else if (n.type === 'pair_pattern') {
      const v = n.childForFieldName('value');
      if (v) stack.push(v);
      continue;
    }
    for (let i = 0; i < n.namedChildCount; i++) {
      const c = n.namedChild(i);
      if (c) stack.push(c);
    }
  }
  return out;
}

function mentions(cond: string, names: string[]): boolean {
  if (!names.length) return false;
  const escaped = names.map((n) => n.replace(/\$/g, '\\$'));
  return new RegExp(`(^|[^\\w$.])(${escaped.join('|')})(?![\\w$])`).test(cond);
}

/** Names the kind of check an `if` makes, from its condition and the names its function binds. */
export function classifyCondition(cond: string, names: ScopeNames = { input: [], validation: [] }): BranchFact['kind'] {
  if (VALIDATION_ERROR_TYPES.test(cond) || mentions(cond, names.validation)) return 'validation-error';
  if (AUTH.test(cond)) return 'auth-check';
  if (REQUEST_INPUT.test(cond) || mentions(cond, names.input)) return 'input-check';
  if (/^\s*\(?\s*!\s*[\w$.]+\s*\)?\s*$|[=!]==?\s*(null|undefined)\b|\bnotFound\b|\bnot_found\b|\.length\s*===?\s*0|!\s*[\w$.]+\.length\b|\b(rowCount|affectedRows|matchedCount|deletedCount|count)\s*===?\s*0/.test(cond)) return 'not-found';
  return 'other';
}

/** The catch variable or branch condition the node sits under (innermost first, within its function). */
export function branchOf(node: Node, text: string): BranchFact | undefined {
  for (let n = node.parent, child: Node = node; n; child = n, n = n.parent) {
    if (FUNCTIONS.includes(n.type)) return undefined;
    if (n.type === 'catch_clause') {
      const param = n.childForFieldName('parameter');
      return { kind: 'catch', span: spanOf(n), errorName: param?.type === 'identifier' ? param.text : undefined };
    }
    if (n.type === 'if_statement') {
      const cond = n.childForFieldName('condition');
      if (!cond) continue;
      if (n.childForFieldName('consequence')?.startIndex === child.startIndex) {
        return { kind: classifyCondition(text.slice(cond.startIndex, cond.endIndex), scopeNames(enclosingFunction(n))), span: spanOf(cond) };
      }
      // The `else` of a check: a branch, but what it means is the opposite of the condition.
      if (child.type === 'else_clause') return { kind: 'other', span: spanOf(cond) };
    }
    if (n.type === 'switch_case' || n.type === 'ternary_expression') return { kind: 'other', span: spanOf(n) };
  }
  return undefined;
}
