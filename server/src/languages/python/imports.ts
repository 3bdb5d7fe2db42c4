// What a Python file imports: which frameworks (so a number is read the way that framework
// reads it), which status vocabularies and under which local names, and the import line that
// brings a vocabulary in, written the way the file already writes its imports.
import type { Node } from '../../parsing/treeSitter';
import type { OffsetEdit, VocabularyUse } from '../../model';
import { parentOf } from '../ancestry';

export interface ImportTable {
  /** Every module named by an import, dotted (`django.http`, `fastapi`). */
  modules: Set<string>;
  /** Local name -> where it comes from. `name` is empty when the local name is a module. */
  names: Map<string, { module: string; name: string }>;
  /** Modules imported with `*`. */
  star: Set<string>;
  /** Top-level import statements in order (placement of new imports). */
  topLevel: Node[];
}

export function emptyImports(): ImportTable {
  return { modules: new Set(), names: new Map(), star: new Set(), topLevel: [] };
}

/** Records an import_statement / import_from_statement / future_import_statement. */
export function recordImport(node: Node, table: ImportTable): void {
  if (parentOf(node)?.type === 'module') table.topLevel.push(node);
  if (node.type === 'import_statement') {
    for (const n of node.childrenForFieldName('name')) {
      if (!n) continue;
      const dotted = n.type === 'aliased_import' ? n.childForFieldName('name')?.text : n.text;
      if (!dotted) continue;
      table.modules.add(dotted);
      const alias = n.type === 'aliased_import' ? n.childForFieldName('alias')?.text : undefined;
      if (alias) table.names.set(alias, { module: dotted, name: '' });
      else table.names.set(dotted.split('.')[0], { module: dotted.split('.')[0], name: '' });
    }
  } else if (node.type === 'import_from_statement') {
    const moduleNode = node.childForFieldName('module_name');
    if (!moduleNode || moduleNode.type !== 'dotted_name') return;
    const module = moduleNode.text;
    table.modules.add(module);
    for (let i = 0; i < node.namedChildCount; i++) {
      const c = node.namedChild(i);
      if (c?.type === 'wildcard_import') table.star.add(module);
    }
    for (const n of node.childrenForFieldName('name')) {
      if (!n) continue;
      const name = n.type === 'aliased_import' ? n.childForFieldName('name')?.text : n.text;
      const alias = n.type === 'aliased_import' ? n.childForFieldName('alias')?.text : name;
      if (name && alias) table.names.set(alias, { module, name });
    }
  }
}

function importsAny(table: ImportTable, prefixes: RegExp): boolean {
  for (const m of table.modules) if (prefixes.test(m)) return true;
  return false;
}

/** The web frameworks a file imports; they decide how ambiguous forms are read. */
export interface Frameworks {
  flask: boolean;
  fastapi: boolean;
  django: boolean;
  drf: boolean;
  aiohttp: boolean;
}

export function frameworksOf(table: ImportTable): Frameworks {
  return {
    flask: importsAny(table, /^(flask|quart|werkzeug|connexion)(\.|_|$)/),
    fastapi: importsAny(table, /^(fastapi|starlette)(\.|$)/),
    django: importsAny(table, /^django(\.|$)/),
    drf: importsAny(table, /^rest_framework(\.|$)/),
    aiohttp: importsAny(table, /^aiohttp(\.|$)/),
  };
}

const STATUS_MODULES: Record<string, string> = {
  'fastapi.status': 'starlette',
  'starlette.status': 'starlette',
  'rest_framework.status': 'drf',
};

/** The vocabulary a local name (e.g. `status`, `st`) stands for as a status module, if it does. */
export function statusModuleVocabulary(table: ImportTable, local: string): string | undefined {
  const origin = table.names.get(local);
  if (!origin) return undefined;
  const full = origin.name ? `${origin.module}.${origin.name}` : origin.module;
  return STATUS_MODULES[full];
}

/** The vocabulary of a bare imported constant name (`HTTP_404_NOT_FOUND`, `HTTPConflict`, `HttpResponseGone`). */
export function bareNameVocabulary(table: ImportTable, name: string): string | undefined {
  const origin = table.names.get(name);
  const modules = origin ? [origin.module] : [...table.star];
  for (const m of modules) {
    if (STATUS_MODULES[m] && /^HTTP_\d{3}_/.test(name)) return STATUS_MODULES[m];
    if (/^aiohttp\.(web|web_exceptions)$/.test(m) && /^HTTP[A-Z]/.test(name)) return 'aiohttp';
    if (/^django(\.|$)/.test(m) && /^HttpResponse[A-Z]/.test(name)) return 'django';
  }
  return undefined;
}

/** The vocabularies this file imports, with the way it writes their constants. */
export function vocabularyUses(table: ImportTable, fw: Frameworks): VocabularyUse[] {
  const uses: VocabularyUse[] = [];
  const seen = new Set<string>();
  const add = (vocabulary: string, form: string) => {
    if (seen.has(vocabulary)) return;
    seen.add(vocabulary);
    uses.push({ vocabulary, form, imported: true });
  };
  // `from http import HTTPStatus` first: when a file has both, the shorter form is its way.
  for (const [local, origin] of table.names) if (origin.module === 'http' && origin.name === 'HTTPStatus') add('python-http', `${local}.NAME`);
  for (const [local, origin] of table.names) {
    if (origin.module === 'http' && origin.name === '') add('python-http', `${local}.HTTPStatus.NAME`);
    const vocab = statusModuleVocabulary(table, local);
    if (vocab) add(vocab, `${local}.NAME`);
    if (origin.module === 'aiohttp' && origin.name === 'web') add('aiohttp', `${local}.NAME`);
  }
  for (const [local, origin] of table.names) {
    if (origin.name && origin.name === local) {
      const v = bareNameVocabulary(table, local);
      if (v) add(v, 'NAME');
    }
  }
  if (fw.django && !seen.has('django') && [...table.names.keys()].some((n) => /^HttpResponse[A-Z]/.test(n))) add('django', 'NAME');
  return uses;
}

/** The module and name an import of `vocabulary` brings in, in this file's framework. */
function importFor(vocabulary: string, fw: Frameworks): { module: string; name: string } | undefined {
  switch (vocabulary) {
    case 'python-http':
      return { module: 'http', name: 'HTTPStatus' };
    case 'starlette':
      return fw.fastapi ? { module: 'fastapi', name: 'status' } : { module: 'starlette', name: 'status' };
    case 'drf':
      return { module: 'rest_framework', name: 'status' };
    case 'aiohttp':
      return { module: 'aiohttp', name: 'web' };
    default:
      return undefined;
  }
}

/**
 * The edit that imports `vocabulary`: extends an existing `from <module> import ...` line, or
 * adds a line after the last top-level import. Undefined when the file already has it or the
 * vocabulary is not a Python one (Django's classes are imported one by one, so not here).
 */
export function importEditFor(table: ImportTable, fw: Frameworks, text: string, vocabulary: string): OffsetEdit | undefined {
  if (vocabularyUses(table, fw).some((u) => u.vocabulary === vocabulary)) return undefined;
  let want = importFor(vocabulary, fw);
  if (!want) return undefined;
  // A Starlette app without FastAPI imports the module from Starlette itself.
  if (vocabulary === 'starlette' && !importsAny(table, /^fastapi(\.|$)/)) want = { module: 'starlette', name: 'status' };
  // A local name already taken by something else would be shadowed: leave it to the user.
  if (table.names.has(want.name)) return undefined;
  return addImport(table, text, want.module, want.name);
}

/** Imports `name` from `module`: extends an existing `from module import ...`, or adds a line after the imports. */
export function addImport(table: ImportTable, text: string, module: string, name: string): OffsetEdit {
  const extendable = table.topLevel.find((n) => n.type === 'import_from_statement' && n.childForFieldName('module_name')?.text === module && !hasWildcard(n));
  const names = extendable?.childrenForFieldName('name').filter((n): n is Node => !!n) ?? [];
  const last = names[names.length - 1];
  if (last) return { start: last.endIndex, end: last.endIndex, newText: `, ${name}` };
  const line = `from ${module} import ${name}`;
  const lastImport = table.topLevel[table.topLevel.length - 1];
  if (lastImport) {
    const eol = text.indexOf('\n', lastImport.endIndex);
    return eol < 0 ? { start: text.length, end: text.length, newText: `\n${line}\n` } : { start: eol + 1, end: eol + 1, newText: `${line}\n` };
  }
  const at = leadOffset(text);
  return { start: at, end: at, newText: `${line}\n` };
}

function hasWildcard(node: Node): boolean {
  for (let i = 0; i < node.namedChildCount; i++) if (node.namedChild(i)?.type === 'wildcard_import') return true;
  return false;
}

/** Where a first import goes: after a shebang, encoding comments and the module docstring. */
function leadOffset(text: string): number {
  const m = /^(?:#[^\n]*\n|[ \t]*\n)*(?:[rRuU]?("""|''')[\s\S]*?\1[ \t]*\n|[rRuU]?("|')[^\n]*?\2[ \t]*\n)?/.exec(text);
  return m ? m[0].length : 0;
}
