// The one walk over a Python tree: everything later steps need, collected in source order
// (numbers and constant-like names, calls, functions, returns, imports, comments, header
// statements and name bindings), so that no later step walks the tree again.
import type { Node } from '../../parsing/treeSitter';
import type { DocumentModel } from '../../model';
import type { AdapterInput } from '../adapter';
import { spanOf, walk } from '../syntax';
import { maybeConstant } from './constants';
import { headerSetsOf, type HeaderScope } from './headers';
import { emptyImports, recordImport, type ImportTable } from './imports';
import { enclosingFunction } from './nodes';

export interface Collected {
  imports: ImportTable;
  numbers: Node[];
  constants: Node[];
  calls: Node[];
  functions: Node[];
  returns: Node[];
  /** Return statements by the start of their innermost function. */
  returnsByFn: Map<number, Node[]>;
  scope: HeaderScope;
  /** Offsets of `x.status_code = ...` assignments, by the start of their function. */
  settingStatus: Map<number, number[]>;
  quote: string;
}

export const fnStart = (node: Node): number => enclosingFunction(node)?.startIndex ?? -1;

function push<T>(map: Map<number, T[]>, key: number, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

export function collect(input: AdapterInput, model: DocumentModel): Collected {
  const c: Collected = { imports: emptyImports(), numbers: [], constants: [], calls: [], functions: [], returns: [], returnsByFn: new Map(), scope: { sets: [], bindings: [] }, settingStatus: new Map(), quote: '"' };
  let single = 0;
  let double = 0;
  walk(input.tree!, (node) => {
    switch (node.type) {
      case 'comment':
        model.comments.push({ span: spanOf(node), text: node.text });
        return false;
      case 'string': {
        const q = node.child(0)?.text.slice(-1);
        if (q === "'") single++;
        else if (q === '"') double++;
        return false;
      }
      case 'import_statement':
      case 'import_from_statement':
      case 'future_import_statement':
        recordImport(node, c.imports);
        return false;
      case 'integer':
        c.numbers.push(node);
        return false;
      case 'attribute':
        if (!maybeConstant(node)) return;
        c.constants.push(node);
        return false;
      case 'identifier':
        if (maybeConstant(node)) c.constants.push(node);
        return false;
      case 'call': {
        c.calls.push(node);
        const set = headerSetsOf(node);
        if (set) for (const h of set.headers) c.scope.sets.push({ fnStart: fnStart(node), name: set.name, header: h });
        return;
      }
      case 'assignment': {
        const set = headerSetsOf(node);
        const start = fnStart(node);
        if (set) for (const h of set.headers) c.scope.sets.push({ fnStart: start, name: set.name, header: h });
        const left = node.childForFieldName('left');
        const right = node.childForFieldName('right');
        if (left?.type === 'identifier' && right && node.parent?.type === 'expression_statement') c.scope.bindings.push({ fnStart: start, name: left.text, value: right, statement: node.parent });
        if (left?.type === 'attribute' && left.childForFieldName('attribute')?.text === 'status_code') push(c.settingStatus, start, node.startIndex);
        return;
      }
      case 'function_definition':
        c.functions.push(node);
        return;
      case 'return_statement': {
        c.returns.push(node);
        const start = fnStart(node);
        push(c.returnsByFn, start, node);
        return;
      }
      default:
        return;
    }
  });
  c.quote = single > double ? "'" : '"';
  return c;
}
