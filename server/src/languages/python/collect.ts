// The one walk over a Python tree: everything later steps need, collected in source order
// (numbers and constant-like names, calls, functions, returns, imports, comments, header
// statements and name bindings), so that no later step walks the tree again. The walk reads
// node types from the cursor and builds Node objects only for the kinds it keeps: on a large
// file most nodes are names and punctuation, and building each would cost more than the rest.
import type { Language, Node, Tree } from '../../parsing/treeSitter';
import type { DocumentModel } from '../../model';
import { spanOf } from '../syntax';
import { maybeConstantName } from './constants';
import { headerSetsOf, type HeaderScope } from './headers';
import { emptyImports, recordImport, type ImportTable } from './imports';
import { calleeOf } from './nodes';
import { partitionPoint } from '../sorted';
import { knownParent } from '../ancestry';

/** A function definition with what its ancestors say about it, found during the walk. */
export interface FnInfo {
  node: Node;
  /** The decorated_definition around it, if decorated. */
  holder?: Node;
  /** The class whose body holds it, if it is a method. */
  cls?: Node;
  /** Index of the enclosing function in `Collected.fns`, or -1. */
  parent: number;
}

export interface Collected {
  imports: ImportTable;
  /** Function definitions in source order. */
  fns: FnInfo[];
  numbers: Node[];
  constants: Node[];
  calls: Node[];
  /** The last name of each call's callee, parallel to `calls`. */
  callNames: (string | undefined)[];
  returns: Node[];
  /** Return statements by the start of their innermost function (-1: module level). */
  returnsByFn: Map<number, Node[]>;
  scope: HeaderScope;
  /** Offsets of `x.status_code = ...` assignments, by the start of their function. */
  settingStatus: Map<number, number[]>;
  quote: string;
  /** The top-level statements walked, in order, with what each contributes to file-level facts. */
  tops: TopInfo[];
}

/** What one top-level statement holds that other statements' facts depend on. */
export interface TopInfo {
  start: number;
  end: number;
  /** Strings quoted each way (the file's quote is the majority). */
  single: number;
  double: number;
  /** Import statements inside it. */
  imports: number;
  /** Names bound or headers set outside any function (a class body): module-level lookups see them. */
  moduleNames: boolean;
}

/** Methods that set headers on a response object (see headerSetsOf). */
const HEADER_CALLS = new Set(['setdefault', 'set_cookie', 'update', 'add', 'set', 'add_header', 'extend', 'append']);

function push<K, T>(map: Map<K, T[]>, key: K, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

const KEPT = new Set(['comment', 'import_statement', 'import_from_statement', 'future_import_statement', 'integer', 'call', 'assignment', 'function_definition', 'class_definition', 'decorated_definition', 'return_statement', 'expression_statement']);

/** What the walk does with a node of each type id: steps over it, reads it, or looks into it. */
const OTHER = 0;
const LEAF = 1;
const STRING = 2;
const ATTRIBUTE = 3;
const IDENTIFIER = 4;
const KEEP = 5;
const kindTables = new WeakMap<Language, Uint8Array>();

/** The kind of each type id of the grammar (once per grammar): one call into the parser per node gives the kind. */
function kindsOf(lang: Language): Uint8Array {
  let kinds = kindTables.get(lang);
  if (kinds) return kinds;
  const count = lang.nodeTypeCount;
  kinds = new Uint8Array(count);
  for (let id = 0; id < count; id++) {
    const name = lang.nodeTypeForId(id) ?? '';
    // Anonymous nodes are tokens: punctuation and keywords (see walkWithParents in ../parents.ts).
    if (!lang.nodeTypeIsNamed(id)) kinds[id] = KEPT.has(name) ? KEEP : LEAF;
    else if (name === 'string') kinds[id] = STRING;
    else if (name === 'attribute') kinds[id] = ATTRIBUTE;
    else if (name === 'identifier') kinds[id] = IDENTIFIER;
    else if (KEPT.has(name)) kinds[id] = KEEP;
  }
  kindTables.set(lang, kinds);
  return kinds;
}

/** Past this depth, the walk links a node to its parent only when the path above it is already built. */
const LINK_DEPTH = 256;

/** The innermost function around `offset` (functions in source order, with parent links). */
export function fnAt(fns: readonly FnInfo[], offset: number): FnInfo | undefined {
  const lo = partitionPoint(fns.length, (i) => fns[i].node.startIndex <= offset);
  // The last function starting before the offset, or one of its ancestors, holds it.
  for (let i = lo - 1; i >= 0; i = fns[i].parent) if (offset < fns[i].node.endIndex) return fns[i];
  return undefined;
}

/** A cursor on a top-level statement, as the walk passes it. */
export type TopCursor = ReturnType<Tree['walk']>;

/**
 * The walk. `skip(cursor)` is asked at each top-level statement and may leave it out (reused
 * from the previous version: its strings are counted by the caller, see `tops`).
 */
export function collect(tree: Tree, text: string, model: DocumentModel, skip?: (cursor: TopCursor) => boolean): Collected {
  const c: Collected = { imports: emptyImports(), fns: [], numbers: [], constants: [], calls: [], callNames: [], returns: [], returnsByFn: new Map(), scope: { sets: [], bindings: [] }, settingStatus: new Map(), quote: '"', tops: [] };
  let single = 0;
  let double = 0;
  let top: TopInfo = { start: 0, end: 0, single: 0, double: 0, imports: 0, moduleNames: false };
  // The functions and classes around the cursor, innermost last, with their depth: entering a
  // node at depth d leaves every scope at depth >= d (an ancestor is always shallower).
  const scopes: { depth: number; fn?: number; cls?: Node }[] = [];
  let decorated: { node: Node; depth: number } | undefined;
  let statement: Node | undefined;
  let depth = 0;
  // Bare constant names are rare: most files need no identifier text at all.
  const bareNames = /\bHTTP_\d{3}_|\bHTTP[A-Z][a-z]|\bHttpResponse[A-Z]/.test(text);
  // Where such a name may start (every one maybeConstantName accepts starts so), read from the text once.
  const nameStarts = new Set<number>();
  if (bareNames) {
    const re = /HTTP_\d{3}_|HTTP[A-Z][a-z]|HttpResponse[A-Z]/g;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      nameStarts.add(m.index);
      re.lastIndex = m.index + 1;
    }
  }
  const kinds = kindsOf(tree.language);
  const types = tree.language.types;
  const cursor = tree.walk();
  // The nodes on the cursor's path (stack[d] at depth d), built only as far as a node kept needs
  // them: the first `valid` entries are the current node's ancestors. Each node kept has its
  // parent remembered (../ancestry.ts), and so does each ancestor built: the later steps climb
  // from the nodes kept, and a parent found by descending from the root costs far more.
  const stack: Node[] = [tree.rootNode];
  let valid = 1;
  const up = tree.walk();
  try {
    for (;;) {
      const id = cursor.nodeTypeId;
      // Ids past the table are ERROR nodes: looked into like any other.
      const kind = id < kinds.length ? kinds[id] : OTHER;
      while (scopes.length && scopes[scopes.length - 1].depth >= depth) scopes.pop();
      let descend = kind !== LEAF;
      if (depth === 1) {
        if (skip?.(cursor)) {
          while (!cursor.gotoNextSibling()) {
            if (!cursor.gotoParent()) return done();
            depth--;
          }
          if (valid > depth) valid = depth;
          continue;
        }
        top = { start: cursor.startIndex, end: cursor.endIndex, single: 0, double: 0, imports: 0, moduleNames: false };
        c.tops.push(top);
      }
      if (kind === LEAF) {
        // Punctuation and keywords (about half of a tree): nothing under them, nothing to keep.
      } else if (kind === STRING) {
        const start = cursor.startIndex;
        const q = /^[A-Za-z]*(['"])/.exec(text.slice(start, start + 4))?.[1];
        if (q === "'") {
          single++;
          top.single++;
        } else if (q === '"') {
          double++;
          top.double++;
        }
        descend = false;
      } else if (kind === ATTRIBUTE) {
        if (maybeConstantName('attribute', text.slice(cursor.startIndex, cursor.endIndex))) {
          c.constants.push(current());
          descend = false;
        }
      } else if (kind === IDENTIFIER) {
        // A name has no children of ours: only one where a constant-like name starts is read.
        descend = false;
        if (bareNames && nameStarts.has(cursor.startIndex) && maybeConstantName('identifier', text.slice(cursor.startIndex, cursor.endIndex))) c.constants.push(current());
      } else if (kind === KEEP) {
        const node = current();
        descend = keep(node, types[id]);
        // Its descendants' ancestors include it (when the path above it is known: see current()).
        if (valid === depth) {
          stack[depth] = node;
          valid = depth + 1;
        }
      }
      if (descend && cursor.gotoFirstChild()) {
        depth++;
        continue;
      }
      while (!cursor.gotoNextSibling()) {
        if (!cursor.gotoParent()) return done();
        depth--;
      }
      if (valid > depth) valid = depth;
    }
  } finally {
    cursor.delete();
    up.delete();
  }

  /** The current node (at `depth`), with its parent and the ancestors not yet built remembered. */
  function current(): Node {
    const node = cursor.currentNode;
    // Deep inside a pathological nest (`f(f(f(...)))` thousands deep), repositioning the second
    // cursor copies the whole path each time: quadratic. There the nodes get no parent links;
    // ancestry.ts finds their parents by descents that, together, cost the size of the tree.
    if (valid < depth && depth > LINK_DEPTH) return node;
    if (valid < depth) {
      up.resetTo(cursor);
      for (let d = depth - 1; d >= valid; d--) {
        up.gotoParent();
        stack[d] = up.currentNode;
      }
      for (let d = valid; d < depth; d++) knownParent(stack[d], stack[d - 1]);
      valid = depth;
    }
    knownParent(node, stack[depth - 1]);
    return node;
  }

  function done(): Collected {
    c.quote = single > double ? "'" : '"';
    return c;
  }

  function currentFn(): number {
    for (let i = scopes.length - 1; i >= 0; i--) if (scopes[i].fn !== undefined) return scopes[i].fn!;
    return -1;
  }

  function keep(node: Node, type: string): boolean {
    const parentFn = currentFn();
    const fn = parentFn < 0 ? -1 : c.fns[parentFn].node.startIndex;
    switch (type) {
      case 'comment':
        model.comments.push({ span: spanOf(node), text: node.text });
        return false;
      case 'import_statement':
      case 'import_from_statement':
      case 'future_import_statement':
        recordImport(node, c.imports);
        top.imports++;
        return false;
      case 'integer':
        c.numbers.push(node);
        return false;
      case 'expression_statement':
        statement = node;
        return true;
      case 'call': {
        const name = calleeOf(node).name;
        c.calls.push(node);
        c.callNames.push(name);
        const set = name && HEADER_CALLS.has(name) ? headerSetsOf(node) : undefined;
        if (set) for (const h of set.headers) c.scope.sets.push({ fnStart: fn, name: set.name, header: h });
        if (set && fn < 0) top.moduleNames = true;
        return true;
      }
      case 'assignment': {
        const set = headerSetsOf(node);
        if (set) for (const h of set.headers) c.scope.sets.push({ fnStart: fn, name: set.name, header: h });
        if (set && fn < 0) top.moduleNames = true;
        const left = node.childForFieldName('left');
        const right = node.childForFieldName('right');
        // `x = ...` as a statement of its own (its expression_statement was entered just before).
        if (left?.type === 'identifier' && right && statement?.startIndex === node.startIndex) {
          c.scope.bindings.push({ fnStart: fn, name: left.text, value: right, statement });
          if (fn < 0) top.moduleNames = true;
        }
        if (left?.type === 'attribute' && left.childForFieldName('attribute')?.text === 'status_code') push(c.settingStatus, fn, node.startIndex);
        return true;
      }
      case 'decorated_definition':
        decorated = { node, depth };
        return true;
      case 'class_definition':
        scopes.push({ depth, cls: node });
        return true;
      case 'function_definition': {
        const holder = decorated && decorated.depth === depth - 1 ? decorated.node : undefined;
        const inner = scopes[scopes.length - 1];
        c.fns.push({ node, holder, cls: inner?.cls, parent: parentFn });
        scopes.push({ depth, fn: c.fns.length - 1 });
        return true;
      }
      case 'return_statement':
        c.returns.push(node);
        push(c.returnsByFn, fn, node);
        return true;
      default:
        return true;
    }
  }
}
