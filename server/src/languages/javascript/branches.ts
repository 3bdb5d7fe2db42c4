// The condition a response sits under, classified from what the condition reads: the request's
// own input (a field of req.body, a name destructured from it), the result of a schema
// validation, the caller's credentials, a lookup that found nothing. Only what the syntax shows
// is classified; a condition on anything else is `other`.
import type { Node } from '../../parsing/treeSitter';
import type { BranchFact } from '../../model';
import { codeOf } from './code';
import { endOf, field, kids, memo, memoed, parentOf, setMemo, textOf, typeOf } from './nodes';
import { PathSeeker } from './seek';

const FUNCTIONS = ['function_declaration', 'function_expression', 'arrow_function', 'method_definition', 'generator_function_declaration'];

/** The enclosing function of a node, if any. */
export function enclosingFunction(node: Node): Node | undefined {
  // Climb to the first function (or to a node whose function is already known), then tell every
  // node passed on the way: responses of one function climb the same path.
  const passed: Node[] = [];
  let found: Node | undefined;
  for (let n: Node | null = node; n; ) {
    const known = memoed(n, 'fn');
    if (known.has) {
      found = known.value as Node | undefined;
      break;
    }
    passed.push(n);
    const p: Node | null = parentOf(n);
    if (p && FUNCTIONS.includes(typeOf(p))) {
      found = p;
      break;
    }
    n = p;
  }
  for (const n of passed) setMemo(n, 'fn', found);
  return found;
}

/** Request input read directly: req.body, request.query, ctx.request.body, c.req.param(...). */
const REQUEST_INPUT = /\b(req|request|ctx\.request|c\.req)\.(body|query|params|param\(|queries\(|headers|cookies|files?|json\(|formData\(|text\(|valid\()/;
const AUTH = /authori[sz]ation|\btoken\b|\bapi[_-]?key\b|\bsession\b|req(uest)?\.user\b|ctx\.state\.user|\bisAuth|\bcurrentUser\b|\bpermission|\brole\b|\bisAdmin\b|\bcan[A-Z]\w*\(/i;
const VALIDATION_CALL = /(^|\.)(safeParse|safeParseAsync|validate|validateSync|validateAsync|isValid\w*|validationResult|check|assert|parseAsync|decode)$/;
const VALIDATION_ERROR_TYPES = /instanceof\s+([\w$]+\.)*(ZodError|ValidationError|ValidateError|SyntaxError|AjvError|ValiError|ArkErrors)\b/;

/**
 * A declaration that can bind request input or a validation result: a value (after `=`, an
 * `await`, parentheses) that starts with the request, or calls a validation function.
 */
const BINDS_INPUT = /=\s*(?:await\s+)?[(\s]*(?:(?:req|request|c\s*\.\s*req|ctx\s*\.\s*request)\s*\.|[^;]*?\b(?:safeParse|safeParseAsync|validate|validateSync|validateAsync|isValid\w*|validationResult|check|assert|parseAsync|decode)\s*\()/;

interface ScopeNames {
  input: string[];
  validation: string[];
}

/**
 * Names the function binds to request input, and to the results of validating something. Its
 * declarations are found by searching its code for `const`/`let`/`var`; those inside nested
 * functions belong to their own scope.
 */
function scopeNames(fn: Node | undefined): ScopeNames {
  return fn ? memo(fn, 'scope', () => findScopeNames(fn)) : { input: [], validation: [] };
}

function findScopeNames(fn: Node): ScopeNames {
  const names: ScopeNames = { input: [], validation: [] };
  const { code, start } = codeOf(fn);
  const seeker = new PathSeeker(fn);
  const re = /(?<![\w$.])(?:const|let|var)(?![\w$])/g;
  for (let m = re.exec(code); m; m = re.exec(code)) {
    // Only a declaration that reads the request or validates something binds a name that counts.
    const semicolon = code.indexOf(';', m.index);
    const window = code.slice(m.index, semicolon < 0 || semicolon - m.index > 600 ? m.index + 600 : semicolon);
    if (!BINDS_INPUT.test(window)) continue;
    const decl = seeker.at(start + m.index, start + m.index + m[0].length);
    const type = typeOf(decl);
    if (!decl || (type !== 'lexical_declaration' && type !== 'variable_declaration') || !ownScope(decl, fn)) continue;
    for (const n of kids(decl)) {
      if (typeOf(n) !== 'variable_declarator') continue;
      let value = field(n, 'value');
      while (value && (typeOf(value) === 'await_expression' || typeOf(value) === 'parenthesized_expression')) value = kids(value)[0] ?? null;
      const target = field(n, 'name');
      if (value && target) {
        const callee = typeOf(value) === 'call_expression' ? textOf(field(value, 'function')) : '';
        if (isRequestInput(value, callee)) names.input.push(...boundNames(target));
        else if (callee && VALIDATION_CALL.test(callee)) names.validation.push(...boundNames(target));
      }
    }
  }
  return names;
}

/** True when no function lies between `node` and `fn`. */
function ownScope(node: Node, fn: Node): boolean {
  for (let n = parentOf(node); n; n = parentOf(n)) {
    if (n.id === fn.id) return true;
    if (FUNCTIONS.includes(typeOf(n))) return false;
  }
  return false;
}

/** `req.body`, `req.query.page`, `await req.json()`, `c.req.valid('json')`... */
function isRequestInput(value: Node, callee: string): boolean {
  if (callee) return /^(req|request|c\.req|ctx\.request)\.(json|formData|text|valid|param|query|queries|parseBody)$/.test(callee);
  return /^(req|request|ctx\.request|c\.req)\.(body|query|params|headers|cookies|files?)\b/.test(textOf(value));
}

function boundNames(target: Node): string[] {
  if (typeOf(target) === 'identifier') return [textOf(target)];
  const out: string[] = [];
  const stack: Node[] = [target];
  while (stack.length) {
    const n = stack.pop()!;
    const type = typeOf(n);
    if (type === 'shorthand_property_identifier_pattern' || (type === 'identifier' && typeOf(parentOf(n)) !== 'pair_pattern')) out.push(textOf(n));
    else if (type === 'pair_pattern') {
      const v = field(n, 'value');
      if (v) stack.push(v);
      continue;
    }
    for (const c of n.namedChildren) if (c) stack.push(c);
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
  for (let n = parentOf(node), child: Node = node; n; child = n, n = parentOf(n)) {
    const type = typeOf(n);
    if (FUNCTIONS.includes(type)) return undefined;
    if (type === 'catch_clause') {
      const param = field(n, 'parameter');
      return { kind: 'catch', span: span(n), errorName: typeOf(param) === 'identifier' ? textOf(param) : undefined };
    }
    if (type === 'if_statement') {
      const cond = field(n, 'condition');
      if (!cond) continue;
      if (field(n, 'consequence')?.startIndex === child.startIndex) {
        return { kind: classifyCondition(text.slice(cond.startIndex, endOf(cond)), scopeNames(enclosingFunction(n))), span: span(cond) };
      }
      // The `else` of a check: a branch, but what it means is the opposite of the condition.
      if (typeOf(child) === 'else_clause') return { kind: 'other', span: span(cond) };
    }
    if (type === 'switch_case' || type === 'ternary_expression') return { kind: 'other', span: span(n) };
  }
  return undefined;
}

function span(n: Node): { start: number; end: number } {
  return { start: n.startIndex, end: endOf(n) };
}
