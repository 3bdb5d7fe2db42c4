// Java's status constants: Spring's HttpStatus, JAX-RS Response.Status, the servlet SC_ codes,
// also when statically imported; which of them a file imports, and the import that adds one.
import type { Node, Tree } from '../../parsing/treeSitter';
import type { OffsetEdit, VocabularyUse } from '../../model';
import { lookupConstant } from '../../data';
import { lastSegment } from './nodes';

export interface JavaConstant {
  vocabulary: string;
  name: string;
  code: number;
}

/** What the file's imports make of a bare or short name. */
export class JavaImports {
  /** Statically imported constant name -> vocabulary (`import static ...HttpStatus.CONFLICT`). */
  readonly members = new Map<string, string>();
  /** Vocabularies whose constants are all statically imported (`import static ...HttpStatus.*`). */
  readonly wildcards: string[] = [];
  /** The form each vocabulary is usable in through an import, e.g. spring -> `HttpStatus.NAME`. */
  readonly forms = new Map<string, string>();
  /** `Status.X` means JAX-RS Response.Status (its nested class is imported). */
  statusIsJaxrs = false;

  add(importText: string): void {
    const m = /^import\s+(static\s+)?([\w.]+?)(\.\*)?\s*;/.exec(importText.replace(/\s+/g, ' ').replace(/ ?\. ?/g, '.'));
    if (!m) return;
    const [, isStatic, path, star] = m;
    if (isStatic) {
      // `import static ...Response.Status;` and `import static ...Response.*;` bring in the Status type.
      if ((!star && /\.ws\.rs\.core\.Response\.Status$/.test(path)) || (star && /\.ws\.rs\.core\.Response$/.test(path))) {
        this.statusIsJaxrs = true;
        this.forms.set('jaxrs', 'Status.NAME');
        if (!star) return;
      }
      const cls = star ? path : path.slice(0, path.lastIndexOf('.'));
      const vocab = vocabularyOfClass(cls);
      if (vocab && star) {
        this.wildcards.push(vocab);
        this.forms.set(vocab, 'NAME');
      } else if (vocab) {
        this.members.set(lastSegment(path), vocab);
      }
      if (/MockMvcResultMatchers(\.status)?$/.test(path)) this.forms.set('mockmvc', 'status().NAME()');
      return;
    }
    const vocab = vocabularyOfClass(path);
    if (vocab === 'jaxrs') this.statusIsJaxrs = true;
    if (vocab) this.forms.set(vocab, vocab === 'jaxrs' ? 'Status.NAME' : FORMS[vocab]);
    if (/\.ws\.rs\.core\.Response$/.test(path) || (star && /\.ws\.rs\.core$/.test(path))) {
      if (!this.forms.has('jaxrs')) this.forms.set('jaxrs', FORMS.jaxrs);
    }
    if (star && path === 'org.springframework.http') this.forms.set('spring', FORMS.spring);
    if (star && /\.servlet\.http$/.test(path)) this.forms.set('servlet', FORMS.servlet);
  }

  /** The vocabulary of a bare identifier, when a static import brings it in. */
  bare(name: string): JavaConstant | undefined {
    const vocab = this.members.get(name);
    const candidates = vocab ? [vocab] : this.wildcards;
    for (const v of candidates) {
      const hit = lookupConstant(v, name);
      if (hit) return { vocabulary: v, name, code: hit.code };
    }
    return undefined;
  }
}

const PREFERENCE = ['spring', 'jaxrs', 'servlet', 'mockmvc'];

const FORMS: Record<string, string> = {
  spring: 'HttpStatus.NAME',
  jaxrs: 'Response.Status.NAME',
  servlet: 'HttpServletResponse.NAME',
  mockmvc: 'status().NAME()',
};

function vocabularyOfClass(path: string): string | undefined {
  if (/(^|\.)springframework\.http\.HttpStatus$/.test(path)) return 'spring';
  if (/\.ws\.rs\.core\.Response\.Status$/.test(path)) return 'jaxrs';
  if (/\.servlet\.http\.HttpServletResponse$/.test(path)) return 'servlet';
  return undefined;
}

/** The constant a `field_access` (or a statically imported identifier) names, if it is a status. */
export function constantOf(node: Node, imports: JavaImports): JavaConstant | undefined {
  if (node.type === 'identifier') return imports.bare(node.text);
  if (node.type !== 'field_access') return undefined;
  const name = node.childForFieldName('field')?.text;
  const object = node.childForFieldName('object')?.text.replace(/\s+/g, '');
  if (!name || !object) return undefined;
  let vocabulary: string | undefined;
  const owner = lastSegment(object);
  if (owner === 'HttpStatus') vocabulary = 'spring';
  else if (owner === 'HttpServletResponse') vocabulary = 'servlet';
  else if (/(^|\.)Response\.Status$/.test(object) || (object === 'Status' && imports.statusIsJaxrs)) vocabulary = 'jaxrs';
  if (!vocabulary) return undefined;
  const hit = lookupConstant(vocabulary, name);
  return hit ? { vocabulary, name, code: hit.code } : undefined;
}

/** The vocabularies the file can write constants in: the forms it already uses, else its imports. */
export function vocabularyUses(imports: JavaImports, used: Map<string, string>): VocabularyUse[] {
  const out: VocabularyUse[] = [];
  const seen = new Set<string>();
  // Imported ones in the order a status argument takes them: HttpStatus fits Spring's every
  // slot, SC_ ints fit only some. MockMvc's matcher names are never a value, so never offered.
  const imported = [...imports.forms].sort((a, b) => PREFERENCE.indexOf(a[0]) - PREFERENCE.indexOf(b[0]));
  for (const [vocabulary, form] of [...used, ...imported]) {
    if (seen.has(vocabulary) || vocabulary === 'mockmvc') continue;
    seen.add(vocabulary);
    out.push({ vocabulary, form, imported: true });
  }
  return out;
}

// Lines start with `[ \t]*`, not `\s*`: with the `m` flag `\s*` would run from every line start
// across all the blank lines below it (quadratic on a file of empty lines).
/** The import line each vocabulary needs; `NS` is `jakarta` or `javax`, as the file already uses. */
const IMPORT_OF: Record<string, { line: string; already: RegExp }> = {
  spring: { line: 'import org.springframework.http.HttpStatus;', already: /^[ \t]*import\s+org\.springframework\.http\.(HttpStatus|\*)\s*;/m },
  jaxrs: { line: 'import NS.ws.rs.core.Response;', already: /^[ \t]*import\s+(jakarta|javax)\.ws\.rs\.core\.(Response|\*)\s*;/m },
  servlet: { line: 'import NS.servlet.http.HttpServletResponse;', already: /^[ \t]*import\s+(jakarta|javax)\.servlet\.http\.(HttpServletResponse|\*)\s*;/m },
  mockmvc: {
    line: 'import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;',
    already: /^[ \t]*import\s+static\s+org\.springframework\.test\.web\.servlet\.result\.MockMvcResultMatchers\.(status|\*)\s*;/m,
  },
};

/** The import that makes `vocabulary` usable, placed after the file's imports (or its package line). */
export function importEdit(text: string, tree: Tree | undefined, vocabulary: string): OffsetEdit | undefined {
  const spec = IMPORT_OF[vocabulary];
  if (!spec || spec.already.test(text)) return undefined;
  const ns = /^[ \t]*import\s+(static\s+)?javax\./m.test(text) ? 'javax' : 'jakarta';
  const line = spec.line.replace('NS', ns);
  let lastImport: { end: number } | undefined;
  let pkg: { end: number } | undefined;
  if (tree) {
    // namedChildren in one call: namedChild(i) walks from the first child each time (quadratic).
    for (const c of tree.rootNode.namedChildren) {
      if (c?.type === 'import_declaration') lastImport = { end: c.endIndex };
      else if (c?.type === 'package_declaration') pkg = { end: c.endIndex };
    }
  } else {
    for (const m of text.matchAll(/^[ \t]*(import|package)\s[^;\n]*;/gm)) {
      if (m[1] === 'import') lastImport = { end: m.index! + m[0].length };
      else pkg = { end: m.index! + m[0].length };
    }
  }
  if (lastImport) return { start: lastImport.end, end: lastImport.end, newText: `\n${line}` };
  if (pkg) return { start: pkg.end, end: pkg.end, newText: `\n\n${line}` };
  return { start: 0, end: 0, newText: `${line}\n\n` };
}
