// The condition a Python response sits under: an `except` clause (with its variable), or the
// `if`/`elif` whose body holds it, classified from the condition's text. Unknown checks are
// `other`; nothing here guesses beyond the words the condition uses.
import type { Node } from '../../parsing/treeSitter';
import type { BranchFact } from '../../model';
import { spanOf } from '../syntax';
import { parentOf, upTo } from '../ancestry';
import { enclosingFunction } from './nodes';

const NOT_FOUND_EXCEPTIONS = /\b(DoesNotExist|ObjectDoesNotExist|NoResultFound|NotFound|Http404|KeyError|LookupError|IndexError)\b/;
const VALIDATION_EXCEPTIONS = /\b(ValidationError|ValidationErrors|SchemaError|MarshmallowError|RequestValidationError)\b/;
const INPUT_EXCEPTIONS = /\b(JSONDecodeError|BadRequest|UnsupportedMediaType)\b/;
const AUTH_EXCEPTIONS = /\b(PermissionDenied|PermissionError|AuthenticationFailed|NotAuthenticated|Unauthorized|Forbidden|InvalidToken\w*|ExpiredSignature\w*|InvalidSignature\w*|JWTError|PyJWTError)\b/;

/** Names the kind of check an `if` condition makes. */
export function classifyCondition(cond: string, requestNames: () => string[] = () => []): BranchFact['kind'] {
  if (/\bis_valid\s*\(|\.errors\b|\bvalidat|\bis_invalid\b|\bnot\s+valid\b/.test(cond)) return 'validation-error';
  if (/\brequest\.(json|form|args|data|files|values|GET|POST|query_params|query|body|get_json|content_type|headers\.get\(['"]content-type)|\bnot\s+(body|data|payload|params|json_data|form|args|input|request_data|name|email|title)\b|\bnot\s+in\s+(data|payload|body|request\.\w+|params|form)\b|\bis\s+None\b.{0,1000}\b(data|payload|body|json)\b|\b(data|payload|body|json)\b.{0,1000}\bis\s+None\b/.test(cond)) return 'input-check';
  // (`.{0,1000}`, not `.*`: from every `len(` or `is None`, `.*` ran to the end of a long condition.)
  // Tests that say nothing of where the value came from: input checks only on request values
  // (`missing = [f for f in REQUIRED if f not in data]`, not a list of unset settings).
  if (/\bnot\s+isinstance\s*\(|\blen\s*\(.{0,1000}\)\s*[<>]|\bmissing\b/.test(cond) && mentionsRequest(cond, requestNames)) return 'input-check';
  // A type check on anything else is a sanity check of the server's own data.
  if (/\bnot\s+isinstance\s*\(/.test(cond)) return 'other';
  if (/authori[sz]|\btoken\b|\bcurrent_user\b|\bis_authenticated\b|\bis_anonymous\b|\bhas_perm|\bpermission|\bis_staff\b|\bis_superuser\b|\bis_admin\b|\bsession\b|\bapi_key\b|\bcheck_password\s*\(|\bverify_password\s*\(|\bowner\b/i.test(cond)) return 'auth-check';
  // `\s*(?:\(\s*)?`, not `\s*\(?\s*`: two `\s*` side by side split a run of spaces every way (quadratic).
  if (/^\s*(?:\(\s*)?not\s+[\w.]+(\([^()]*\))?\s*(?:\)\s*)?$|\bis\s+None\b|==\s*None\b|\bnot\s+[\w.]+\.exists\(\)|\.count\(\)\s*==\s*0|\blen\s*\([^)]*\)\s*==\s*0|\bnot\s+(found|exists|item|record|row|user|obj|instance|result)\b|\bnot\s+in\s+[\w.]+\s*$/.test(cond)) return 'not-found';
  return 'other';
}

/** The names request input usually goes by. */
const REQUEST_WORDS = /\b(request|req|data|payload|body|params|form|args|json_data|request_data|input|query)\b/;

function mentionsRequest(cond: string, requestNames: () => string[]): boolean {
  if (REQUEST_WORDS.test(cond)) return true;
  return requestNames().some((n) => new RegExp(`(^|[^\\w.])${n}\\b`).test(cond));
}

/** `price(data)`: a call of some function on the input computes something else; conversions do not. */
function isLookup(value: string): boolean {
  const call = /^\s*(?:await\s+)?([A-Za-z_][\w.]*)\s*\(/.exec(value)?.[1];
  return !!call && !REQUEST_WORDS.test(call.split('.')[0]) && !/^(int|str|float|bool|list|dict|set|tuple|sorted|len)$/.test(call);
}

/** Names bound, in the function around `at` before `before`, to a value that mentions the request's input. */
function namesFromRequest(at: Node, before: number): string[] {
  const fn = enclosingFunction(at);
  const out: string[] = [];
  if (!fn) return out;
  for (const line of fn.text.slice(0, before - fn.startIndex).split('\n')) {
    const m = /^\s*([A-Za-z_]\w*)\s*(?::[^=]*)?=(?!=)(.*)$/.exec(line);
    if (m && REQUEST_WORDS.test(m[2]) && !isLookup(m[2])) out.push(m[1]);
  }
  return out;
}

/** The kind an `except` clause stands for, from the exception types it names. */
function exceptKind(types: string): BranchFact['kind'] {
  if (NOT_FOUND_EXCEPTIONS.test(types)) return 'not-found';
  if (AUTH_EXCEPTIONS.test(types)) return 'auth-check';
  if (VALIDATION_EXCEPTIONS.test(types)) return 'validation-error';
  if (INPUT_EXCEPTIONS.test(types)) return 'input-check';
  return 'catch';
}

/** The except variable of a clause: `e` in `except ValueError as e`. */
function exceptVariable(clause: Node): { types: string; name?: string } {
  const value = clause.childForFieldName('value') ?? clause.namedChildren.find((c) => c && c.type !== 'block' && c.type !== 'comment') ?? null;
  if (!value) return { types: '' };
  if (value.type === 'as_pattern') {
    const alias = value.childForFieldName('alias');
    const id = alias?.namedChildren.find((c) => c?.type === 'identifier') ?? alias;
    return { types: value.namedChild(0)?.text ?? '', name: id?.type === 'identifier' ? id.text : undefined };
  }
  return { types: value.text };
}

/**
 * The innermost branch around `node` within its function: an except clause, or the if/elif
 * whose body (not its condition) holds the node. `else:` bodies are looked through.
 */
export function branchOf(node: Node): BranchFact | undefined {
  // Remembered per node climbed from (the answer depends on the child the climb comes from).
  return upTo('py.branch', node, (child): BranchFact | null | undefined => {
    const n = parentOf(child);
    if (!n || n.type === 'function_definition' || n.type === 'class_definition' || n.type === 'lambda') return null;
    if (n.type === 'except_clause' || n.type === 'except_group_clause') {
      const { types, name } = exceptVariable(n);
      return { kind: exceptKind(types), span: spanOf(n), errorName: name };
    }
    if (n.type === 'if_statement' || n.type === 'elif_clause') {
      const cond = n.childForFieldName('condition');
      // Only the body: the condition itself and the alternatives are not under this check.
      if (!cond || child.startIndex < cond.endIndex || child.type === 'elif_clause' || child.type === 'else_clause') return undefined;
      return { kind: classifyCondition(cond.text, () => namesFromRequest(n, cond.startIndex)), span: spanOf(cond) };
    }
    return undefined;
  }, null) ?? undefined;
}

/** The except variable of the innermost except clause around a node, if any (for body leaks). */
export function caughtName(branch: BranchFact | undefined, node: Node): string | undefined {
  if (branch?.errorName) return branch.errorName;
  return upTo('py.caught', parentOf(node), (n): string | null | undefined => {
    if (n.type === 'function_definition') return null;
    return n.type === 'except_clause' ? (exceptVariable(n).name ?? null) : undefined;
  }, null) ?? undefined;
}
