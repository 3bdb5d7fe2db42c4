// The condition a Python response sits under: an `except` clause (with its variable), or the
// `if`/`elif` whose body holds it, classified from the condition's text. Unknown checks are
// `other`; nothing here guesses beyond the words the condition uses.
import type { Node } from '../../parsing/treeSitter';
import type { BranchFact } from '../../model';
import { spanOf } from '../syntax';

const NOT_FOUND_EXCEPTIONS = /\b(DoesNotExist|ObjectDoesNotExist|NoResultFound|NotFound|Http404|KeyError|LookupError|IndexError)\b/;
const VALIDATION_EXCEPTIONS = /\b(ValidationError|ValidationErrors|SchemaError|MarshmallowError|RequestValidationError)\b/;
const INPUT_EXCEPTIONS = /\b(JSONDecodeError|BadRequest|UnsupportedMediaType)\b/;
const AUTH_EXCEPTIONS = /\b(PermissionDenied|PermissionError|AuthenticationFailed|NotAuthenticated|Unauthorized|Forbidden|InvalidToken\w*|ExpiredSignature\w*|InvalidSignature\w*|JWTError|PyJWTError)\b/;

/** Names the kind of check an `if` condition makes. */
export function classifyCondition(cond: string): BranchFact['kind'] {
  if (/\bis_valid\s*\(|\.errors\b|\bvalidat|\bis_invalid\b|\bnot\s+valid\b/.test(cond)) return 'validation-error';
  if (/\brequest\.(json|form|args|data|files|values|GET|POST|query_params|query|body|get_json|content_type|headers\.get\(['"]content-type)|\bnot\s+(body|data|payload|params|json_data|form|args|input|request_data|name|email|title)\b|\bnot\s+isinstance\s*\(|\bnot\s+in\s+(data|payload|body|request\.\w+|params|form)\b|\blen\s*\(.*\)\s*[<>]|\bmissing\b|\bis\s+None\b.*\b(data|payload|body|json)\b|\b(data|payload|body|json)\b.*\bis\s+None\b/.test(cond)) return 'input-check';
  if (/authori[sz]|\btoken\b|\bcurrent_user\b|\bis_authenticated\b|\bis_anonymous\b|\bhas_perm|\bpermission|\bis_staff\b|\bis_superuser\b|\bis_admin\b|\bsession\b|\bapi_key\b|\bcheck_password\s*\(|\bverify_password\s*\(|\bowner\b/i.test(cond)) return 'auth-check';
  if (/^\s*\(?\s*not\s+[\w.]+(\([^()]*\))?\s*\)?\s*$|\bis\s+None\b|==\s*None\b|\bnot\s+[\w.]+\.exists\(\)|\.count\(\)\s*==\s*0|\blen\s*\([^)]*\)\s*==\s*0|\bnot\s+(found|exists|item|record|row|user|obj|instance|result)\b|\bnot\s+in\s+[\w.]+\s*$/.test(cond)) return 'not-found';
  return 'other';
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
  for (let n = node.parent, child: Node = node; n; child = n, n = n.parent) {
    if (n.type === 'function_definition' || n.type === 'class_definition' || n.type === 'lambda') return undefined;
    if (n.type === 'except_clause' || n.type === 'except_group_clause') {
      const { types, name } = exceptVariable(n);
      return { kind: exceptKind(types), span: spanOf(n), errorName: name };
    }
    if (n.type === 'if_statement' || n.type === 'elif_clause') {
      const cond = n.childForFieldName('condition');
      // Only the body: the condition itself and the alternatives are not under this check.
      if (!cond || child.startIndex < cond.endIndex || child.type === 'elif_clause' || child.type === 'else_clause') continue;
      return { kind: classifyCondition(cond.text), span: spanOf(cond) };
    }
  }
  return undefined;
}

/** The except variable of the innermost except clause around a node, if any (for body leaks). */
export function caughtName(branch: BranchFact | undefined, node: Node): string | undefined {
  if (branch?.errorName) return branch.errorName;
  for (let n = node.parent; n; n = n.parent) {
    if (n.type === 'function_definition') return undefined;
    if (n.type === 'except_clause') return exceptVariable(n).name;
  }
  return undefined;
}
