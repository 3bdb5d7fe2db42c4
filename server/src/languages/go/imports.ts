// Adding an import to a Go file the way gofmt would leave it: a standard-library path goes in
// sorted order into the first group of the import block; a file without imports gets one after
// its package clause.
import type { Node, Tree } from '../../parsing/treeSitter';
import type { OffsetEdit } from '../../model';
import { namedArgs } from '../syntax';

/** True when the file imports `path` (read from the top of the file, where Go imports live). */
export function importsPath(text: string, path: string): boolean {
  return text.slice(0, 20_000).includes(`"${path}"`);
}

/** The edit that imports standard-library `path`, or undefined when it is already imported. */
export function importSpecEdit(text: string, tree: Tree | undefined, path: string): OffsetEdit | undefined {
  if (importsPath(text, path) || !tree) return undefined;
  let pkg: Node | undefined;
  let lastImport: Node | undefined;
  for (const child of namedArgs(tree.rootNode)) {
    if (child.type === 'package_clause') pkg = child;
    else if (child.type === 'import_declaration') lastImport = child;
    else if (pkg) break;
  }
  const spec = JSON.stringify(path);
  if (!lastImport) return pkg ? { start: pkg.endIndex, end: pkg.endIndex, newText: `\n\nimport ${spec}` } : undefined;
  const list = namedArgs(lastImport).find((c) => c.type === 'import_spec_list');
  if (!list) return { start: lastImport.endIndex, end: lastImport.endIndex, newText: `\nimport ${spec}` };
  const specs = namedArgs(list).filter((s) => s.type === 'import_spec');
  if (!specs.length) return { start: list.startIndex + 1, end: list.startIndex + 1, newText: `\n\t${spec}\n` };
  const pathOf = (s: Node) => s.childForFieldName('path')?.text.slice(1, -1) ?? '';
  const lineStart = text.lastIndexOf('\n', specs[0].startIndex - 1) + 1;
  const indent = /^[ \t]*/.exec(text.slice(lineStart, specs[0].startIndex))?.[0] || '\t';
  // The standard-library group: the first run of specs without a dot in their first path element.
  let k = 0;
  while (k < specs.length && !pathOf(specs[k]).split('/')[0].includes('.') && (k === 0 || !/\n[ \t]*\n/.test(text.slice(specs[k - 1].endIndex, specs[k].startIndex)))) k++;
  if (k === 0) return { start: specs[0].startIndex, end: specs[0].startIndex, newText: `${spec}\n\n${indent}` };
  const next = specs.slice(0, k).find((s) => pathOf(s) > path);
  if (next) return { start: next.startIndex, end: next.startIndex, newText: `${spec}\n${indent}` };
  return { start: specs[k - 1].endIndex, end: specs[k - 1].endIndex, newText: `\n${indent}${spec}` };
}
