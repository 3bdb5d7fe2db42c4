// The status slot at the cursor while typing C#: `StatusCode(|`, `Results.StatusCode(|`,
// `statusCode: |`, `Response.StatusCode = |`, `new ObjectResult(x) { StatusCode = |`,
// `[ProducesResponseType(|`, `.Produces(|`, `.StatusCode.Should().Be(|`. Read from the text (the
// call is half typed), then the handler method and branch by walking up the tree from the cursor.
import type { Node, Tree } from '../../parsing/treeSitter';
import type { StatusSlot } from '../../model';
import type { AdapterInput } from '../adapter';
import { scanTypedCall, type TypedCall } from '../typedCall';
import { branchOf } from './branches';
import { methodAt, verbOf } from './handlers';
import { namedArgs } from '../syntax';
import { attributeName, lastSegment } from './nodes';
import { parentOf } from '../ancestry';

type SlotKind = Pick<StatusSlot, 'accepts' | 'role' | 'form'>;

const TOKEN = /^(\d{0,3}|Status\d*\w*|(StatusCodes|HttpStatusCode)\.\w*)$/;
const RESPONSE_OBJECT = /(^|\.)([Rr]esponse|res|resp|httpResponse)$/;

function decide(call: TypedCall, token: string): SlotKind | undefined {
  if (call.inString || !TOKEN.test(token)) return undefined;
  // Ints take StatusCodes constants as they are; HttpStatusCode would need a cast, so only numbers
  // are offered unless the user is already writing a StatusCodes constant.
  const ints: StatusSlot['accepts'] = /^(StatusCodes\.|Status\d)/.test(token) ? 'any' : 'number';
  const callee = call.callee.replace(/<[^]*>$/, '');
  const name = lastSegment(callee);
  const receiver = callee.slice(0, Math.max(0, callee.length - name.length - 1));
  if (call.assignment) {
    return name === 'StatusCode' && RESPONSE_OBJECT.test(receiver) ? { accepts: ints, role: 'response', form: `${lastSegment(receiver)}.StatusCode =` } : undefined;
  }
  if (call.initializer) return call.key === 'StatusCode' ? { accepts: ints, role: 'response', form: 'new ObjectResult { StatusCode }' } : undefined;
  if (call.isAttribute) {
    return /^(ProducesResponseType|SwaggerResponse)(Attribute)?$/.test(name) && call.index <= 1 && call.key === undefined ? { accepts: ints, role: 'declaration', form: `[${name}]` } : undefined;
  }
  const owner = lastSegment(receiver);
  const resultOwner = receiver === '' || owner === 'Results' || owner === 'TypedResults';
  if (call.key === 'statusCode' && resultOwner) return { accepts: ints, role: 'response', form: `${receiver ? `${owner}.` : ''}${name}(statusCode:)` };
  if (call.key !== undefined || call.index !== 0) return undefined;
  if (name === 'StatusCode' && resultOwner) return { accepts: ints, role: 'response', form: `${receiver ? `${owner}.` : ''}StatusCode()` };
  if (/^Produces(Problem)?$/.test(name) && receiver.endsWith(')')) return { accepts: ints, role: 'declaration', form: `.${name}()` };
  if (/^(Be|NotBe)$/.test(name) && /\bStatusCode\)?\.Should\(\)$/.test(receiver)) return { accepts: 'any', role: 'assertion', form: `.Should().${name}()` };
  if (/^(ShouldBe|ShouldNotBe)$/.test(name) && /\bStatusCode\)?$/.test(receiver)) return { accepts: 'any', role: 'assertion', form: `.${name}()` };
  if (/^Have(Http)?StatusCode$/.test(name) && /\.Should\(\)$/.test(receiver)) return { accepts: 'any', role: 'assertion', form: `.Should().${name}()` };
  return undefined;
}

function whereAt(tree: Tree | undefined, offset: number): Pick<StatusSlot, 'method' | 'branch'> {
  const node = tree?.rootNode.descendantForIndex(Math.max(0, offset - 1));
  if (!node) return {};
  let method = methodAt(node);
  let branch = branchOf(node)?.kind;
  for (let child = node, n = parentOf(node); n && !method; child = n, n = parentOf(n)) {
    if (n.type === 'method_declaration' || n.type === 'lambda_expression') break;
    if (n.type !== 'ERROR') continue;
    // Half-typed code at the end of a file parses as an error holding the method's parts in a
    // row: its attributes (or the Map call), and the catch declaration when the cursor is in a
    // catch block, lie a few siblings before the cursor.
    let s: Node | null = child.previousNamedSibling;
    for (let i = 0; s && i < 40 && !/^(method_declaration|declaration_list|class_declaration)$/.test(s.type); i++, s = s.previousNamedSibling) {
      if (s.type === 'catch_declaration' && !branch) branch = 'catch';
      if (s.type === 'attribute_list') method = namedArgs(s).map((a) => verbOf(attributeName(a))).find((v) => v);
      if (s.type === 'member_access_expression') method = verbOf(s.childForFieldName('name')?.text ?? '');
      if (method) break;
    }
  }
  return { method, branch };
}

export function csharpSlotAt(input: AdapterInput, offset: number): StatusSlot | undefined {
  const call = scanTypedCall(input.text, offset);
  if (!call) return undefined;
  const at = input.tree?.rootNode.descendantForIndex(Math.max(0, offset - 1));
  if (at && at.type === 'comment' && at.startIndex < offset) return undefined;
  const kind = decide(call, input.text.slice(call.token.start, call.token.end));
  if (!kind) return undefined;
  return { span: call.token, ...kind, ...whereAt(input.tree, offset) };
}
