// Small readers over tree-sitter-java nodes that the Java adapter's files share.
import type { Node } from '../../parsing/treeSitter';
import { namedArgs } from '../syntax';
import { parentOf, remembered, upTo } from '../ancestry';

export interface CallParts {
  /** The method name (`status` in `ResponseEntity.status(409)`), or the constructed type's simple name. */
  name?: string;
  /** The receiver expression, absent for bare calls (`status()`) and constructors. */
  object?: Node;
  args: Node[];
}

/** Name, receiver and arguments of a method invocation or an object creation (read once per extract: shared, not to be changed). */
export function callParts(call: Node): CallParts {
  return remembered('call-parts', call, readCallParts);
}

function readCallParts(call: Node): CallParts {
  if (call.type === 'object_creation_expression') {
    return { name: typeName(call.childForFieldName('type')), args: namedArgs(call.childForFieldName('arguments')) };
  }
  if (call.type !== 'method_invocation') return { args: [] };
  return {
    name: call.childForFieldName('name')?.text,
    object: call.childForFieldName('object') ?? undefined,
    args: namedArgs(call.childForFieldName('arguments')),
  };
}

/** The simple name of a type node: `ResponseEntity` for `ResponseEntity<Foo>` or `org.x.ResponseEntity`. */
export function typeName(type: Node | null | undefined): string | undefined {
  if (!type) return undefined;
  if (type.type === 'generic_type') return typeName(type.namedChild(0));
  if (type.type === 'scoped_type_identifier') return typeName(type.namedChild(type.namedChildCount - 1));
  return type.text;
}

/** The last dotted segment of an expression's text: `Status` for `Response.Status`. */
export function lastSegment(text: string): string {
  const i = text.lastIndexOf('.');
  return i < 0 ? text : text.slice(i + 1);
}

export function sameNode(a: Node | null | undefined, b: Node | null | undefined): boolean {
  return !!a && !!b && a.id === b.id;
}

/** Calls chained on top of `call`: `.header(...)` and `.body(...)` in `ResponseEntity.status(1).header(...).body(x)`. */
export function chainAbove(call: Node): Node[] {
  const out: Node[] = [];
  let n = call;
  for (let up = parentOf(n); up?.type === 'method_invocation' && sameNode(up.childForFieldName('object'), n); up = parentOf(n)) {
    n = up;
    out.push(n);
  }
  return out;
}

/** The method (or constructor) a node sits in, not crossing into lambdas or inner classes. */
export function enclosingMethod(node: Node): Node | undefined {
  return upTo('java.method', parentOf(node), (n): Node | null | undefined => {
    if (n.type === 'method_declaration' || n.type === 'constructor_declaration') return n;
    return n.type === 'lambda_expression' || n.type === 'class_body' ? null : undefined;
  }, null) ?? undefined;
}

/** The nearest enclosing method, even across lambdas (for headers set on the same response object). */
export function outerMethod(node: Node): Node | undefined {
  return upTo('java.outerMethod', parentOf(node), (n) => (n.type === 'method_declaration' || n.type === 'constructor_declaration' ? n : undefined), undefined);
}

/** The statement a node belongs to (its nearest ancestor that is a statement in a block). */
export function statementOf(node: Node): Node | undefined {
  return upTo('java.statement', node, (n): Node | null | undefined => {
    const t = parentOf(n)?.type;
    if (t === 'block' || t === 'switch_block_statement_group') return n;
    return n.type === 'lambda_expression' || n.type === 'class_body' ? null : undefined;
  }, null) ?? undefined;
}

/** The annotations of a declaration (method, class, parameter): the children of its `modifiers`. */
export function annotationsOf(decl: Node): Node[] {
  for (let i = 0; i < decl.namedChildCount; i++) {
    const c = decl.namedChild(i);
    if (c?.type === 'modifiers') return namedArgs(c).filter((a) => a.type === 'annotation' || a.type === 'marker_annotation');
  }
  return [];
}

export function annotationName(a: Node): string {
  return lastSegment(a.childForFieldName('name')?.text ?? '');
}

/** An annotation's argument: the positional one (`@X("a")`) when `key` is `value`, or `key = ...`. */
export function annotationArg(a: Node, key: string): Node | undefined {
  for (const arg of namedArgs(a.childForFieldName('arguments'))) {
    if (arg.type === 'element_value_pair') {
      if (arg.childForFieldName('key')?.text === key) return arg.childForFieldName('value') ?? undefined;
    } else if (key === 'value') {
      return arg;
    }
  }
  return undefined;
}

/** The text of a Java string literal without its quotes (escapes left as written). */
export function stringValue(node: Node | undefined): string | undefined {
  if (!node || node.type !== 'string_literal') return undefined;
  return node.text.replace(/^"""\s*\n?|"""$|^"|"$/g, '');
}

export function lineIndent(text: string, offset: number): string {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  return /^[ \t]*/.exec(text.slice(lineStart, offset))![0];
}

/** A Java string literal for `s`. */
export function javaString(s: string): string {
  return `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}
