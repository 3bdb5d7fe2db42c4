// Small readers over tree-sitter-c-sharp nodes that the C# adapter's files share.
import type { Node } from '../../parsing/treeSitter';
import { namedArgs } from '../syntax';
import { parentOf, remembered, upTo } from '../ancestry';

export interface Arg {
  /** The `argument` node. */
  node: Node;
  /** Its expression. */
  value: Node;
  /** `statusCode` in `statusCode: 409`. */
  name?: string;
}

export interface CallParts {
  /** `StatusCode` in `StatusCode(409)`, `Json` in `Results.Json(...)`, the type's simple name for `new`. */
  name?: string;
  /** The receiver of a member call (`Results`), absent for bare calls. */
  receiver?: Node;
  args: Arg[];
}

/** The arguments of an argument list, with their names. */
export function argsOf(list: Node | null | undefined): Arg[] {
  const out: Arg[] = [];
  for (const a of namedArgs(list)) {
    if (a.type !== 'argument') continue;
    const nameNode = a.childForFieldName('name');
    const value = lastNamed(a);
    if (value && !sameNode(value, nameNode)) out.push({ node: a, value, name: nameNode?.text });
  }
  return out;
}

function lastNamed(n: Node): Node | undefined {
  for (let i = n.namedChildCount - 1; i >= 0; i--) {
    const c = n.namedChild(i);
    if (c && c.type !== 'comment') return c;
  }
  return undefined;
}

/** Name, receiver and arguments of an invocation or an object creation (read once per extract: shared, not to be changed). */
export function callParts(call: Node): CallParts {
  return remembered('call-parts', call, readCallParts);
}

function readCallParts(call: Node): CallParts {
  if (call.type === 'object_creation_expression') {
    return { name: typeName(call.childForFieldName('type')), args: argsOf(call.childForFieldName('arguments')) };
  }
  if (call.type !== 'invocation_expression') return { args: [] };
  const fn = call.childForFieldName('function');
  const args = argsOf(call.childForFieldName('arguments'));
  if (!fn) return { args };
  if (fn.type === 'identifier') return { name: fn.text, args };
  if (fn.type === 'generic_name') return { name: fn.namedChild(0)?.text, args };
  if (fn.type === 'member_access_expression') {
    const name = fn.childForFieldName('name');
    return { name: name?.type === 'generic_name' ? name.namedChild(0)?.text : name?.text, receiver: fn.childForFieldName('expression') ?? undefined, args };
  }
  return { args };
}

/** The node naming the called method: `Conflict` in `Conflict(x)` and in `Results.Conflict(x)`. */
export function calleeName(call: Node): Node | undefined {
  const fn = call.childForFieldName('function');
  if (!fn) return undefined;
  const n = fn.type === 'member_access_expression' ? fn.childForFieldName('name') : fn;
  return (n?.type === 'generic_name' ? n.namedChild(0) : n) ?? undefined;
}

/** The simple name of a type: `ObjectResult` for `Microsoft.AspNetCore.Mvc.ObjectResult`, `List` for `List<T>`. */
export function typeName(type: Node | null | undefined): string | undefined {
  if (!type) return undefined;
  if (type.type === 'generic_name') return type.namedChild(0)?.text;
  if (type.type === 'qualified_name') return typeName(type.childForFieldName('name'));
  return type.text;
}

export function lastSegment(text: string): string {
  const i = text.lastIndexOf('.');
  return i < 0 ? text : text.slice(i + 1);
}

export function sameNode(a: Node | null | undefined, b: Node | null | undefined): boolean {
  return !!a && !!b && a.id === b.id;
}

/** The argument (by position, or by name) of a call. */
export function argNamed(args: Arg[], name: string, position: number): Arg | undefined {
  return args.find((a) => a.name === name) ?? (args[position] && !args[position].name ? args[position] : undefined);
}

const FUNCTIONS = new Set(['method_declaration', 'local_function_statement', 'lambda_expression', 'anonymous_method_expression', 'constructor_declaration']);

/** The method, local function or lambda a node sits in. */
export function enclosingFunction(node: Node): Node | undefined {
  return upTo('cs.function', parentOf(node), (n) => (FUNCTIONS.has(n.type) ? n : undefined), undefined);
}

/** The statement of a block that holds `node` (walking up to the first ancestor whose parent is a block). */
export function statementOf(node: Node): Node | undefined {
  return upTo('cs.statement', node, (n): Node | null | undefined => {
    const t = parentOf(n)?.type;
    if (t === 'block' || t === 'switch_section') return n;
    return FUNCTIONS.has(n.type) ? null : undefined;
  }, null) ?? undefined;
}

/** The class a node sits in. */
export function enclosingClass(node: Node): Node | undefined {
  return upTo('cs.class', parentOf(node), (n) => (n.type === 'class_declaration' || n.type === 'record_declaration' ? n : undefined), undefined);
}

/** The attributes of a declaration: `[HttpGet("x")]`, each with its name and arguments. */
export function attributesOf(decl: Node): Node[] {
  const out: Node[] = [];
  for (const list of namedArgs(decl)) {
    if (list.type !== 'attribute_list') continue;
    for (const a of namedArgs(list)) if (a.type === 'attribute') out.push(a);
  }
  return out;
}

/** An attribute's simple name without the `Attribute` suffix: `HttpGet` for `[HttpGetAttribute]`. */
export function attributeName(a: Node): string {
  return (typeName(a.childForFieldName('name')) ?? '').replace(/Attribute$/, '');
}

/** The positional arguments of an attribute (named ones, `Name = "x"`, are skipped). */
export function attributeArgs(a: Node): Node[] {
  const list = namedArgs(a).find((c) => c.type === 'attribute_argument_list');
  return namedArgs(list).filter((c) => c.type === 'attribute_argument').map((c) => c.namedChild(0)!).filter((c) => c && c.type !== 'assignment_expression');
}

/** The text of a C# string literal without its quotes; undefined for interpolated and other strings. */
export function stringValue(node: Node | undefined): string | undefined {
  if (!node) return undefined;
  if (node.type === 'string_literal') return node.text.replace(/^"|"$/g, '');
  if (node.type === 'verbatim_string_literal') return node.text.replace(/^@"|"$/g, '');
  return undefined;
}

export function lineIndent(text: string, offset: number): string {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  return /^[ \t]*/.exec(text.slice(lineStart, offset))![0];
}

export function csString(s: string): string {
  return `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}
