// Small helpers over Python syntax nodes: callees, call arguments, string values, enclosing
// functions and statements. Every function here looks only at a node and its near relatives.
import type { Node } from '../../parsing/treeSitter';
import { parentOf, upTo } from '../ancestry';

export interface Callee {
  /** The last name of the callee: `json_response` for `web.json_response(...)`. */
  name?: string;
  /** The receiver text before the last dot (`web`), if any. */
  receiver?: string;
  /** The whole callee text (`web.json_response`). */
  full: string;
}

export function calleeOf(call: Node): Callee {
  const fn = call.childForFieldName('function');
  if (!fn) return { full: '' };
  if (fn.type === 'identifier') return { name: fn.text, full: fn.text };
  if (fn.type === 'attribute') {
    return { name: fn.childForFieldName('attribute')?.text, receiver: fn.childForFieldName('object')?.text, full: fn.text };
  }
  return { full: fn.text };
}

export interface CallArgs {
  positional: Node[];
  keywords: Map<string, Node>;
  /** The keyword_argument nodes, for edits that remove one. */
  keywordNodes: Map<string, Node>;
  /** Every argument node in order (positional, keyword, splats), without comments. */
  all: Node[];
  list?: Node;
}

export function callArgs(call: Node | null | undefined): CallArgs {
  const out: CallArgs = { positional: [], keywords: new Map(), keywordNodes: new Map(), all: [] };
  const list = call?.childForFieldName('arguments');
  if (!list || list.type !== 'argument_list') return out;
  out.list = list;
  for (let i = 0; i < list.namedChildCount; i++) {
    const a = list.namedChild(i);
    if (!a || a.type === 'comment') continue;
    out.all.push(a);
    if (a.type === 'keyword_argument') {
      const name = a.childForFieldName('name')?.text;
      const value = a.childForFieldName('value');
      if (name && value) {
        out.keywords.set(name, value);
        out.keywordNodes.set(name, a);
      }
    } else if (a.type !== 'list_splat' && a.type !== 'dictionary_splat') {
      out.positional.push(a);
    }
  }
  return out;
}

/** The value of a plain string literal (no interpolation), or undefined. */
export function stringValue(node: Node | null | undefined): string | undefined {
  if (!node || node.type !== 'string') return undefined;
  let value = '';
  for (let i = 0; i < node.namedChildCount; i++) {
    const c = node.namedChild(i);
    if (!c) continue;
    if (c.type === 'interpolation') return undefined;
    if (c.type === 'string_content' || c.type === 'escape_sequence') value += c.text;
  }
  return value;
}

export function sameNode(a: Node | null | undefined, b: Node | null | undefined): boolean {
  return !!a && !!b && a.startIndex === b.startIndex && a.endIndex === b.endIndex && a.type === b.type;
}

/** The innermost function (def or lambda) around a node. */
export function enclosingFunction(node: Node): Node | undefined {
  return upTo('py.function', parentOf(node), (n) => (n.type === 'function_definition' ? n : undefined), undefined);
}

/** The class a function is a method of, if its def sits directly in a class body. */
export function classOf(fn: Node): Node | undefined {
  const holder = parentOf(fn)?.type === 'decorated_definition' ? parentOf(fn) : fn;
  const block = parentOf(holder);
  return block?.type === 'block' && parentOf(block)?.type === 'class_definition' ? parentOf(block)! : undefined;
}

/** The decorators of a decorated_definition. */
export function decoratorsIn(holder: Node): Node[] {
  const out: Node[] = [];
  for (let i = 0; i < holder.namedChildCount; i++) {
    const c = holder.namedChild(i);
    if (c?.type === 'decorator') out.push(c);
  }
  return out;
}

/** The texts of a class's base classes. */
export function basesOf(cls: Node): string[] {
  const list = cls.childForFieldName('superclasses');
  if (!list) return [];
  const out: string[] = [];
  for (let i = 0; i < list.namedChildCount; i++) {
    const c = list.namedChild(i);
    if (c && c.type !== 'keyword_argument' && c.type !== 'comment') out.push(c.text);
  }
  return out;
}

/** The statement a node belongs to (the child of a block or of the module). */
export function statementOf(node: Node): Node {
  return upTo('py.statement', node, (n) => {
    const t = parentOf(n)?.type;
    return !t || t === 'block' || t === 'module' ? n : undefined;
  }, node);
}

export function lineIndent(text: string, offset: number): string {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  return /^[ \t]*/.exec(text.slice(lineStart, offset))![0];
}

/** The string literals of a list or tuple literal, upper-cased (route `methods=[...]`). */
export function stringList(node: Node | null | undefined): string[] {
  if (!node || (node.type !== 'list' && node.type !== 'tuple' && node.type !== 'set')) return [];
  const out: string[] = [];
  for (let i = 0; i < node.namedChildCount; i++) {
    const v = stringValue(node.namedChild(i));
    if (v) out.push(v.toUpperCase());
  }
  return out;
}

/** Writes a Python string literal in the file's quote style. */
export function pyString(s: string, quote: string): string {
  return `${quote}${s.replace(/\\/g, '\\\\').replace(new RegExp(quote, 'g'), `\\${quote}`)}${quote}`;
}
