// The condition a response sits under, classified from what the condition reads: the request's
// own input (a field of req.body, a name destructured from it), the result of a schema
// validation, the caller's credentials, a lookup that found nothing. Only what the syntax shows
// is classified; a condition on anything else is `other`.
import type { Node } from '../../parsing/treeSitter';
import type { BranchFact } from '../../model';
import { codeOf } from './code';
import { endOf, field, kids, memo, memoed, parentOf, setMemo, textOf, typeOf } from './nodes';
import { PathSeeker } from './seek';
import { paramNames } from './params';

const FUNCTIONS = new Set(['function_declaration', 'function_expression', 'arrow_function', 'method_definition', 'generator_function_declaration']);

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
    if (p && FUNCTIONS.has(typeOf(p))) {
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
const VALIDATION_ERROR_TYPES = /instanceof\s+([\w$]+\.)*(ZodError|ValidationError|ValidateError|AjvError|ValiError|ArkErrors)\b/;
/** A JSON syntax error: the client's fault only when what failed to parse is the request. */
const SYNTAX_ERROR = /instanceof\s+SyntaxError\b/;
/** The function parses the request body itself: `await req.json()`, `JSON.parse(event.body)`. */
const PARSES_REQUEST = /\b(?:req|request|c\s*\.\s*req|ctx\s*\.\s*request)\s*\.\s*(?:json|text|formData)\s*\(|JSON\s*\.\s*parse\s*\(\s*(?:req|request|event|ctx\s*\.\s*request)\s*\.\s*(?:body|rawBody)/;

/** A call of a validation function. */
const VALIDATES = /\b(?:safeParse|safeParseAsync|validate|validateSync|validateAsync|isValid\w*|validationResult|check|assert|parseAsync|decode)\s*\(/;
/** The request, at the start of a value. */
const READS_REQUEST = /(?:req|request|c\s*\.\s*req|ctx\s*\.\s*request)\s*\./y;

/**
 * True when a declaration (its text up to its `;`, bounded) can bind request input or a
 * validation result: a value (after `=`, an `await`, parentheses) that starts with the request,
 * or calls a validation function. What
 * /=\s*(?:await\s+)?[(\s]*(?:REQUEST\s*\.|[^;]*?\bVALIDATION\s*\()/ tests, read without its
 * adjacent `\s*[(\s]*` (quadratic on a run of spaces) or a lazy scan from every `=`.
 */
function bindsInput(decl: string): boolean {
  const first = decl.indexOf('=');
  if (first < 0) return false;
  if (VALIDATES.test(decl.slice(first + 1))) return true;
  for (let eq = first; eq >= 0; eq = decl.indexOf('=', eq + 1)) {
    let j = eq + 1;
    while (j < decl.length && /\s/.test(decl[j])) j++;
    if (decl.startsWith('await', j) && /\s/.test(decl[j + 5] ?? '')) j += 5;
    while (j < decl.length && (decl[j] === '(' || /\s/.test(decl[j]))) j++;
    READS_REQUEST.lastIndex = j;
    if (READS_REQUEST.test(decl)) return true;
  }
  return false;
}

interface ScopeNames {
  input: string[];
  validation: string[];
}

const NO_NAMES: ScopeNames = { input: [], validation: [] };

/**
 * Names the function binds to request input, and to the results of validating something. Its
 * declarations are found by searching code for `const`/`let`/`var`, once for the outermost
 * function around it (a search per function would read a deep nest of functions once per
 * level); each declaration belongs to the function around it, those in nested functions to
 * their own scope.
 */
function scopeNames(fn: Node | undefined): ScopeNames {
  if (!fn) return NO_NAMES;
  const top = outermostFunction(fn);
  return memo(top, 'scopes', () => findScopeNames(top)).get(fn.id) ?? NO_NAMES;
}

/** The outermost function around `fn` (itself when none is), kept for every function passed. */
export function outermostFunction(fn: Node): Node {
  const passed: Node[] = [];
  let top = fn;
  for (let f: Node | undefined = fn; f; f = enclosingFunction(f)) {
    const known = memoed(f, 'top');
    if (known.has) {
      top = known.value as Node;
      break;
    }
    passed.push(f);
    top = f;
  }
  for (const f of passed) setMemo(f, 'top', top);
  return top;
}

/** The scope names of `top` and of every function inside it, by function id. */
function findScopeNames(top: Node): Map<number, ScopeNames> {
  const byFn = new Map<number, ScopeNames>();
  const { code, start } = codeOf(top);
  const seeker = new PathSeeker(top);
  const re = /(?<![\w$.])(?:const|let|var)(?![\w$])/g;
  for (let m = re.exec(code); m; m = re.exec(code)) {
    // Only a declaration that reads the request or validates something binds a name that counts.
    // The `;` is looked for within the bound: a search on to the end from every `const` is quadratic.
    const bounded = code.slice(m.index, m.index + 600);
    const semicolon = bounded.indexOf(';');
    if (!bindsInput(semicolon < 0 ? bounded : bounded.slice(0, semicolon))) continue;
    const decl = seeker.at(start + m.index, start + m.index + m[0].length);
    const type = typeOf(decl);
    if (!decl || (type !== 'lexical_declaration' && type !== 'variable_declaration')) continue;
    const owner = enclosingFunction(decl);
    if (!owner) continue;
    let names = byFn.get(owner.id);
    for (const n of kids(decl)) {
      if (typeOf(n) !== 'variable_declarator') continue;
      let value = field(n, 'value');
      while (value && (typeOf(value) === 'await_expression' || typeOf(value) === 'parenthesized_expression')) value = kids(value)[0] ?? null;
      const target = field(n, 'name');
      if (value && target) {
        const callee = typeOf(value) === 'call_expression' ? textOf(field(value, 'function')) : '';
        const list = isRequestInput(value, callee) ? 'input' : callee && VALIDATION_CALL.test(callee) && validatesRequest(value, owner, names) ? 'validation' : undefined;
        if (!list) continue;
        if (!names) byFn.set(owner.id, (names = { input: [], validation: [] }));
        names[list].push(...boundNames(target));
      }
    }
  }
  return byFn;
}

/**
 * Whether a validation call checks what the client sent: its arguments read the request, a name
 * bound to request input, or a parameter of the function (`schema.validate(body)` in a helper).
 * `Plan.safeParse(JSON.parse(modelReply))` checks the server's own data: its failure is no 4xx.
 */
function validatesRequest(call: Node, owner: Node, names: ScopeNames | undefined): boolean {
  const args = textOf(field(call, 'arguments'));
  if (REQUEST_INPUT.test(args) || /\b(req|request|ctx|c|event)\b/.test(args)) return true;
  if (names && mentions(args, names.input)) return true;
  return mentions(args, paramNames(owner).filter((p) => /^[\w$]+$/.test(p) && !/^(res|response|reply|next)$/.test(p)));
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

/**
 * `!user`, `(!user)`, `( !req.item )`: what /^\s*\(?\s*!\s*[\w$.]+\s*\)?\s*$/ tests, without its
 * adjacent `\s*` pairs, which backtrack quadratically over a run of spaces or blank lines.
 */
function isNegatedName(cond: string): boolean {
  let c = cond.trim();
  if (c.startsWith('(')) c = c.slice(1);
  if (c.endsWith(')')) c = c.slice(0, -1);
  return /^!\s*[\w$.]+$/.test(c.trim());
}

/** Names the kind of check an `if` makes, from its condition and the names its function binds. */
export function classifyCondition(cond: string, names: ScopeNames = { input: [], validation: [] }, parsesRequest: () => boolean = () => true): BranchFact['kind'] {
  if (VALIDATION_ERROR_TYPES.test(cond) || mentions(cond, names.validation)) return 'validation-error';
  // `err instanceof SyntaxError` after `JSON.parse(modelReply)` is the server's failure, not the client's.
  if (SYNTAX_ERROR.test(cond) && parsesRequest()) return 'validation-error';
  if (AUTH.test(cond)) return 'auth-check';
  if (REQUEST_INPUT.test(cond) || mentions(cond, names.input)) return 'input-check';
  if (isNegatedName(cond) || /[=!]==?\s*(null|undefined)\b|\bnotFound\b|\bnot_found\b|\.length\s*===?\s*0|!\s*[\w$.]+\.length\b|\b(rowCount|affectedRows|matchedCount|deletedCount|count)\s*===?\s*0/.test(cond)) return 'not-found';
  return 'other';
}

/**
 * The catch variable or branch condition the node sits under (innermost first, within its
 * function). What a node finds above it is what its parent finds, unless the parent itself
 * decides; that answer is kept for every node passed on the way up, so the sites of one deep
 * nest of blocks climb it once between them, not once each.
 */
export function branchOf(node: Node, text: string): BranchFact | undefined {
  const passed: Node[] = [];
  let found: BranchFact | undefined;
  for (let child: Node = node, n = parentOf(node); n; child = n, n = parentOf(n)) {
    const known = memoed(child, 'branch');
    if (known.has) {
      found = known.value as BranchFact | undefined;
      break;
    }
    passed.push(child);
    const decided = branchAt(n, child, text);
    if (decided) {
      found = decided.branch;
      break;
    }
  }
  for (const n of passed) setMemo(n, 'branch', found);
  // A copy: the facts of different responses are never the same object.
  return found && { ...found, span: { ...found.span } };
}

/** What `n` (the parent of `child`) says about the branch `child` is in, when it says anything. */
function branchAt(n: Node, child: Node, text: string): { branch: BranchFact | undefined } | undefined {
  const type = typeOf(n);
  if (FUNCTIONS.has(type)) return { branch: undefined };
  if (type === 'catch_clause') {
    const param = field(n, 'parameter');
    return { branch: { kind: 'catch', span: span(n), errorName: typeOf(param) === 'identifier' ? textOf(param) : undefined } };
  }
  if (type === 'if_statement') {
    const cond = field(n, 'condition');
    if (!cond) return undefined;
    // The children of an `if` are its condition, its consequence and its `else` (comments are
    // never on a path to a status): what is neither of the others is the consequence.
    if (child.startIndex !== cond.startIndex && typeOf(child) !== 'else_clause' && typeOf(child) !== 'comment') {
      const fn = enclosingFunction(n);
      return { branch: { kind: classifyCondition(text.slice(cond.startIndex, endOf(cond)), scopeNames(fn), () => parsesRequest(fn)), span: span(cond) } };
    }
    // The `else` of a check: a branch, but what it means is the opposite of the condition.
    if (typeOf(child) === 'else_clause') return { branch: { kind: 'other', span: span(cond) } };
  }
  if (type === 'switch_case' || type === 'ternary_expression') return { branch: { kind: 'other', span: span(n) } };
  return undefined;
}

/**
 * Whether a SyntaxError caught in `fn` can come from the request: `fn` parses the request body
 * itself, or is an Express error handler `(err, req, res, next)`, which receives body-parser's.
 */
function parsesRequest(fn: Node | undefined): boolean {
  if (!fn) return false;
  return memo(fn, 'parsesRequest', () => {
    // Names, not texts: a TypeScript handler types them (`err: Error, req: Request, ...`).
    const list = paramNames(fn);
    if (list.length === 4 && /^(err|error|e)$/.test(list[0])) return true;
    return PARSES_REQUEST.test(codeOf(outermostFunction(fn)).code);
  });
}

function span(n: Node): { start: number; end: number } {
  return { start: n.startIndex, end: endOf(n) };
}
