// Which Response class a PHP file imports (its `HTTP_*` constants are the `symfony`
// vocabulary, also through Laravel's subclasses), and the `use` line that adds one.
import type { Node } from '../../parsing/treeSitter';
import type { OffsetEdit, VocabularyUse } from '../../model';
import type { AdapterInput } from '../adapter';
import { namedArgs } from '../syntax';
import { lastSegment } from './syntax';

/** Classes whose `HTTP_*` constants are Symfony's (Laravel's responses extend Symfony's). */
const CONSTANT_CLASSES = /^\\?(Symfony\\Component\\HttpFoundation|Illuminate\\Http)\\(Response|JsonResponse|RedirectResponse)$/;
const SYMFONY_RESPONSE = 'Symfony\\Component\\HttpFoundation\\Response';

export interface UseClause {
  /** The fully qualified class name as written, without a leading backslash. */
  name: string;
  /** The name the file uses for it (the alias, or the last segment). */
  local: string;
}

/** The classes a `use` declaration imports. */
export function useClauses(decl: Node): UseClause[] {
  const out: UseClause[] = [];
  if (namedArgs(decl).some((c) => c.text === 'function' || c.text === 'const')) return out;
  const group = namedArgs(decl).find((c) => c.type === 'namespace_use_group');
  const prefix = group ? namedArgs(decl).find((c) => c.type === 'namespace_name')?.text : undefined;
  const clauses = namedArgs(group ?? decl).filter((c) => c.type === 'namespace_use_clause');
  for (const clause of clauses) {
    const target = namedArgs(clause).find((c) => c.type === 'qualified_name' || c.type === 'name');
    if (!target) continue;
    const name = (prefix ? `${prefix}\\${target.text}` : target.text).replace(/^\\/, '');
    const alias = clause.childForFieldName('alias')?.text;
    out.push({ name, local: alias ?? lastSegment(name) });
  }
  return out;
}

/** The vocabulary uses of a file, from its imports and the constants it writes. */
export function vocabularyUses(uses: UseClause[], written: string[]): VocabularyUse[] {
  const imported = uses.filter((u) => CONSTANT_CLASSES.test(u.name));
  imported.sort((a, b) => rank(a) - rank(b));
  if (imported.length) return [{ vocabulary: 'symfony', form: `${imported[0].local}::NAME`, imported: true }];
  // Written fully qualified (`\Symfony\...\Response::HTTP_OK`): usable without an import.
  const qualified = written.find((w) => w.startsWith('\\'));
  if (qualified) return [{ vocabulary: 'symfony', form: `${qualified}::NAME`, imported: true }];
  if (written.length) return [{ vocabulary: 'symfony', form: `${written[0]}::NAME`, imported: false }];
  return [];
}

function rank(u: UseClause): number {
  return u.name.endsWith('\\Response') ? 0 : 1;
}

/**
 * `use Symfony\Component\HttpFoundation\Response;` after the file's last `use` (or after its
 * namespace, or its `<?php` line). Undefined when a Response class is already imported (its
 * constants serve) or when the name `Response` is taken by another class.
 */
export function importEdit(input: AdapterInput, vocabulary: string): OffsetEdit | undefined {
  if (vocabulary !== 'symfony' || !input.tree) return undefined;
  const { text } = input;
  let root: Node = input.tree.rootNode;
  let anchor: Node | undefined;
  let lastUse: Node | undefined;
  // namedChildren in one call: namedChild(i) walks from the first child each time (quadratic).
  for (const c of root.namedChildren) {
    if (!c) continue;
    if (c.type === 'php_tag' && !anchor) anchor = c;
    if (c.type === 'declare_statement' || (c.type === 'namespace_definition' && !c.childForFieldName('body'))) anchor = c;
    if (c.type === 'namespace_definition' && c.childForFieldName('body')) return undefined; // braced namespaces: leave alone
    if (c.type === 'namespace_use_declaration') {
      for (const u of useClauses(c)) {
        if (CONSTANT_CLASSES.test(u.name) && (u.local === 'Response' || u.local.endsWith('Response'))) return undefined;
        if (u.local === 'Response') return undefined;
      }
      lastUse = c;
    }
    if (c.type === 'class_declaration' || c.type === 'function_definition' || c.type === 'expression_statement') break;
  }
  root = lastUse ?? anchor ?? root;
  if (root.type === 'program') return undefined; // no PHP code to import into
  const at = root.endIndex;
  const gap = lastUse ? '\n' : '\n\n';
  const lineEnd = text.indexOf('\n', at);
  const rest = lineEnd < 0 ? text.slice(at) : text.slice(at, lineEnd);
  // Keep a trailing comment on the anchor's line where it is.
  const insertAt = /^\s*(\/\/|#)/.test(rest) ? (lineEnd < 0 ? text.length : lineEnd) : at;
  return { start: insertAt, end: insertAt, newText: `${gap}use ${SYMFONY_RESPONSE};` };
}

/** The frameworks a PHP file visibly uses, from its imports and its helpers and facades. */
export function frameworksOf(uses: UseClause[], calls: { name: string }[]): string[] {
  const out: string[] = [];
  const names = new Set(calls.map((c) => c.name));
  if (uses.some((u) => /^(Illuminate|Laravel)\\/.test(u.name)) || ['abort_if', 'abort_unless', 'to_route'].some((n) => names.has(n))) out.push('laravel');
  if (uses.some((u) => u.name.startsWith('Symfony\\'))) out.push('symfony');
  if (uses.some((u) => u.name.startsWith('Slim\\'))) out.push('slim');
  return out;
}
