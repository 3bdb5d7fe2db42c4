// The status slot at the cursor while typing Java: `ResponseEntity.status(|`, `response.setStatus(|`,
// `new ResponseEntity<>(body, |`, `@ResponseStatus(|`, `status().is(|`, `.statusCode(|`,
// `@ApiResponse(responseCode = "|")`. Read from the text (the call is half typed), then the
// enclosing method and branch from the tree by walking up from the cursor.
import type { Node, Tree } from '../../parsing/treeSitter';
import type { StatusSlot } from '../../model';
import type { AdapterInput } from '../adapter';
import { branchOf, classifyCondition } from './branches';
import { BUILDERS } from './contexts';
import { methodOf, methodOfAnnotations } from './handlers';
import { namedArgs } from '../syntax';
import { lastSegment } from './nodes';
import { scanTypedCall, type TypedCall } from '../typedCall';
import { parentOf } from '../ancestry';

type SlotKind = Pick<StatusSlot, 'accepts' | 'vocabulary' | 'role' | 'form'>;

/** What may be typed as a status: nothing yet, digits, or a constant being written. */
const TOKEN = /^(\d{0,3}|[A-Z_][A-Z0-9_]*|(HttpStatus|HttpStatusCode|Status|Response\.Status|HttpServletResponse)\.\w*)$/;

function isResponseText(receiver: string): boolean {
  const last = lastSegment(receiver);
  return /^(res|resp)$/.test(last) || /response$/i.test(last) || /getResponse\(\)$/.test(receiver);
}

function decide(call: TypedCall, token: string): SlotKind | undefined {
  const callee = call.callee.replace(/<[^]*>$/, '');
  const name = lastSegment(callee);
  const receiver = callee.slice(0, Math.max(0, callee.length - name.length - 1));
  // Completion writes the digits only, so the slot is inside the quotes the user has opened.
  if (call.inString) {
    return call.isAnnotation && name === 'ApiResponse' && call.key === 'responseCode' ? { accepts: 'string', role: 'declaration', form: '@ApiResponse(responseCode)' } : undefined;
  }
  if (!TOKEN.test(token)) return undefined;
  if (call.isAnnotation) {
    // Annotation elements are typed: @ResponseStatus takes an HttpStatus, Swagger 2's code an int.
    if (name === 'ResponseStatus' && (call.key === undefined ? call.index === 0 : /^(value|code)$/.test(call.key))) return { accepts: 'constant', vocabulary: 'spring', role: 'response', form: '@ResponseStatus' };
    if (name === 'ApiResponse' && call.key === 'code') return { accepts: 'number', role: 'declaration', form: '@ApiResponse(code)' };
    return undefined;
  }
  if (call.key !== undefined) return undefined;
  if (call.isNew) {
    // Spring's constructors take an HttpStatusCode; only (body, headers, int) takes a number as well.
    if (name === 'ResponseEntity' && call.index >= 1) return call.index === 1 ? { accepts: 'constant', vocabulary: 'spring', role: 'response', form: 'new ResponseEntity<>()' } : { accepts: 'any', role: 'response', form: 'new ResponseEntity<>()' };
    if ((name === 'ResponseStatusException' || name === 'ErrorResponseException') && call.index === 0) return { accepts: 'constant', vocabulary: 'spring', role: 'response', form: `new ${name}()` };
    if (name === 'WebApplicationException' && call.index >= 1) return { accepts: 'any', role: 'response', form: 'new WebApplicationException()' };
    return undefined;
  }
  if (call.index !== 0) return undefined;
  const owner = lastSegment(receiver);
  if (name === 'status' && BUILDERS.has(owner)) return { accepts: 'any', role: 'response', form: `${owner}.status()` };
  if ((name === 'setStatus' || name === 'sendError') && isResponseText(receiver)) return { accepts: 'number', role: 'response', form: `${owner}.${name}()` };
  if (name === 'setStatusCode' && isResponseText(receiver)) return { accepts: 'any', role: 'response', form: `${owner}.setStatusCode()` };
  if (name === 'is' && /(^|\.)status\(\)$/.test(receiver)) return { accepts: 'number', role: 'assertion', form: 'status().is()' };
  if (name === 'statusCode' && receiver.endsWith(')') && /\b(then|expect)\(\)/.test(receiver)) return { accepts: 'number', role: 'assertion', form: '.statusCode()' };
  if (name === 'isEqualTo' && /expectStatus\(\)$/.test(receiver)) return { accepts: 'any', role: 'assertion', form: 'expectStatus().isEqualTo()' };
  if (name === 'forStatus' && owner === 'ProblemDetail') return { accepts: 'any', role: 'response', form: 'ProblemDetail.forStatus()' };
  if (name === 'forStatusAndDetail' && owner === 'ProblemDetail') return { accepts: 'constant', vocabulary: 'spring', role: 'response', form: 'ProblemDetail.forStatusAndDetail()' };
  if (name === 'valueOf' && /^(HttpStatus|HttpStatusCode)$/.test(owner)) return { accepts: 'number', role: 'reference', form: `${owner}.valueOf()` };
  return undefined;
}

/** The HTTP method and branch kind at the cursor, walking up from the node there. */
function whereAt(tree: Tree | undefined, offset: number): Pick<StatusSlot, 'method' | 'branch'> {
  const node = tree?.rootNode.descendantForIndex(Math.max(0, offset - 1));
  if (!node) return {};
  let method: string | undefined;
  let branch = branchOf(node)?.kind;
  for (let child = node, n = parentOf(node); n && !method; child = n, n = parentOf(n)) {
    if (n.type === 'method_declaration') {
      method = methodOf(n);
      break;
    }
    if (n.type !== 'ERROR') continue;
    // A half-typed method parses as an error holding the method's parts in a row: its
    // annotations, and the catch parameter when the cursor is in a catch block, lie a few
    // siblings before the cursor.
    let s: Node | null = child.previousSibling;
    for (let i = 0; s && i < 80 && s.type !== 'class_body' && s.type !== 'method_declaration'; i++, s = s.previousSibling) {
      if (s.type === 'catch_formal_parameter' && !branch) branch = 'catch';
      if (s.type === 'parenthesized_expression' && s.previousSibling?.type === 'if' && !branch) branch = classifyCondition(s.text);
      if (s.type === 'modifiers') {
        method = methodOfAnnotations(namedArgs(s).filter((a) => a.type === 'annotation' || a.type === 'marker_annotation'));
        break;
      }
    }
  }
  return { method, branch };
}

export function javaSlotAt(input: AdapterInput, offset: number): StatusSlot | undefined {
  const call = scanTypedCall(input.text, offset);
  if (!call || call.assignment) return undefined;
  const at = input.tree?.rootNode.descendantForIndex(Math.max(0, offset - 1));
  if (at && /comment$/.test(at.type) && at.startIndex < offset) return undefined;
  const token = input.text.slice(call.token.start, call.token.end);
  const kind = decide(call, token);
  if (!kind) return undefined;
  return { span: call.token, ...kind, ...whereAt(input.tree, offset) };
}
