// The condition a Go response sits under. Go has no catch: `if err != nil` after a call is the
// error branch, and what the call was (decoding, binding, a lookup) says what kind of error.
import { parentOf, upTo } from '../ancestry';
import type { Node } from '../../parsing/treeSitter';
import type { BranchFact } from '../../model';
import { namedArgs, spanOf } from '../syntax';
import { calleeParts } from './contexts';
import { enclosingFunctionOf } from './functions';
import { checksRequest } from './requestValues';

export const FUNCTIONS = ['function_declaration', 'method_declaration', 'func_literal'];

/** The innermost function around a node. */
export function enclosingFunction(node: Node): Node | undefined {
  return enclosingFunctionOf(node);
}

/** The branch the node sits in (innermost if / case within its function), if any. */
export function branchOf(node: Node): BranchFact | undefined {
  // Remembered per node climbed from (the answer depends on the child the climb comes from).
  return upTo('go.branch', node, (child): BranchFact | null | undefined => {
    const n = parentOf(child);
    if (!n || FUNCTIONS.includes(n.type)) return null;
    if (n.type === 'if_statement' && n.childForFieldName('consequence')?.startIndex === child.startIndex) {
      const cond = n.childForFieldName('condition');
      if (cond) return classifyIf(n, cond);
    }
    if ((n.type === 'expression_case' || n.type === 'type_case') && child.type !== 'expression_list') return classifyCase(n);
    return undefined;
  }, null) ?? undefined;
}

const NIL_CHECK = /^\s*([A-Za-z_]\w*)\s*!=\s*nil\s*$|^\s*nil\s*!=\s*([A-Za-z_]\w*)\s*$/;
const NOT_FOUND = /ErrNoRows|ErrRecordNotFound|ErrNoDocuments|ErrNotFound|ErrNotExist|IsNotExist|NotFound|not[ _-]?found/i;
const VALIDATION = /[Vv]alidat|ValidationErrors|InvalidUnmarshalError/;
const INPUT = /==\s*""|""\s*==|\bmissing\b|\.Body\s*==\s*nil|\blen\([^)]*\)\s*(==\s*0|<|>)/;
const AUTH = /[Uu]nauthori[sz]ed|[Ff]orbidden|[Aa]uthori[sz]ation|\b[Tt]oken\b|\b[Cc]laims\b|[Ss]ession|[Pp]ermission|[Ii]sAdmin|[Rr]ole\b|\bauth/;
const ERROR_NAME = /^(err|e)$|^err[A-Z0-9_]|Err$/;
const MISSING = /^\s*!\s*(ok|found|exists|exist|present)\s*$/;

/** Names the kind of check an `if` condition makes. Unknown checks are 'other'. */
function classifyIf(ifNode: Node, cond: Node): BranchFact {
  const span = spanOf(cond);
  const text = cond.text;
  const nil = NIL_CHECK.exec(text);
  const errName = nil?.[1] ?? nil?.[2];
  // `user != nil` is a found-check, not an error branch: only error-named variables count.
  if (errName && ERROR_NAME.test(errName)) {
    const source = errorSource(ifNode, errName);
    if (!source) return { kind: 'other', span };
    return { kind: callKind(source) ?? 'catch', span, errorName: errName };
  }
  return { kind: requestChecked(classifyText(text), cond, text), span };
}

/** An input check only stands when the condition tests what the request carried. */
function requestChecked(kind: BranchFact['kind'], at: Node, text: string): BranchFact['kind'] {
  return kind === 'input-check' && !checksRequest(at, text) ? 'other' : kind;
}

/** Kinds read from a condition's text alone. */
export function classifyText(text: string): BranchFact['kind'] {
  if (VALIDATION.test(text)) return 'validation-error';
  if (NOT_FOUND.test(text)) return 'not-found';
  if (/^\s*[A-Za-z_][\w.]*\s*==\s*nil\s*$/.test(text) && !/^\s*err\w*\s*==/.test(text)) return 'not-found';
  if (MISSING.test(text)) return 'not-found';
  if (AUTH.test(text)) return 'auth-check';
  if (INPUT.test(text)) return 'input-check';
  return 'other';
}

function classifyCase(clause: Node): BranchFact | undefined {
  const values = clause.childForFieldName('value') ?? clause.namedChild(0);
  if (!values) return undefined;
  const sw = parentOf(clause);
  const subject = sw?.childForFieldName('value');
  const text = subject && clause.type === 'expression_case' ? `${subject.text} == ${values.text}` : values.text;
  const nil = NIL_CHECK.exec(values.text);
  if (nil && sw && ERROR_NAME.test(nil[1] ?? nil[2])) {
    const source = errorSource(sw, nil[1] ?? nil[2]);
    if (source) return { kind: callKind(source) ?? 'catch', span: spanOf(values), errorName: nil[1] ?? nil[2] };
  }
  const kind = requestChecked(classifyText(text), values, text);
  return kind === 'other' ? undefined : { kind, span: spanOf(values) };
}

/**
 * The call whose result `name` holds at `stmt`: in the if's own initializer, an else-if chain's
 * initializers, or the nearest earlier statement that assigns it. Undefined when `name` does not
 * come from a call (a parameter, a field), which is not an error branch.
 */
function errorSource(stmt: Node, name: string): Node | undefined {
  let s = stmt;
  for (;;) {
    const init = s.childForFieldName('initializer');
    if (init) {
      const hit = assignedCall(init, name);
      if (hit !== null) return hit;
    }
    if (parentOf(s)?.type !== 'if_statement') break;
    s = parentOf(s)!;
  }
  let prev = s.previousNamedSibling;
  for (let i = 0; prev && i < 12; i++, prev = prev.previousNamedSibling) {
    const hit = assignedCall(prev, name);
    if (hit !== null) return hit;
  }
  return undefined;
}

/** For an assignment of `name`: the call assigned (or undefined if not a call); null when `stmt` does not assign `name`. */
function assignedCall(stmt: Node, name: string): Node | undefined | null {
  if (stmt.type !== 'short_var_declaration' && stmt.type !== 'assignment_statement') return null;
  const left = namedArgs(stmt.childForFieldName('left'));
  if (!left.some((l) => l.text === name)) return null;
  // GORM reads the error off the call chain: err := db.First(&b, id).Error
  for (const r of namedArgs(stmt.childForFieldName('right'))) {
    let n: Node | null = r;
    while (n?.type === 'selector_expression') n = n.childForFieldName('operand');
    if (n?.type === 'call_expression') return n;
  }
  return undefined;
}

const BIND = /^(ShouldBind\w*|Bind\w*|MustBind\w*|Validate\w*)$/;
const PARSE = /^(BodyParser|QueryParser|ParamsParser|ReqHeaderParser|ParseForm|ParseMultipartForm|Atoi|ParseInt|ParseUint|ParseFloat|ParseBool)$/;

/** The branch kind an error from `call` means: bad input, failed validation, or undefined (any error). */
export function callKind(call: Node): BranchFact['kind'] | undefined {
  const { name, receiver } = calleeParts(call);
  if (!name) return undefined;
  const recv = receiver?.text ?? '';
  if (BIND.test(name) || (name === 'Struct' && /valid/i.test(recv))) return 'validation-error';
  if (PARSE.test(name)) return 'input-check';
  if (name === 'Decode' && /\.Body\b|NewDecoder\(\s*\w+\.Body/.test(recv)) return 'input-check';
  if (name === 'Unmarshal' && /body|payload/i.test(namedArgs(call.childForFieldName('arguments'))[0]?.text ?? '')) return 'input-check';
  if (name === 'Parse' && /^uuid$/.test(recv)) return 'input-check';
  return undefined;
}
