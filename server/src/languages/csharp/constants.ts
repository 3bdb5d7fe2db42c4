// C#'s status constants: ASP.NET Core's StatusCodes.Status409Conflict (also through
// `using static`) and System.Net's HttpStatusCode.Conflict; which of them a file can write, and
// the using directive that adds one.
import type { Node, Tree } from '../../parsing/treeSitter';
import type { OffsetEdit, VocabularyUse } from '../../model';
import { lookupConstant } from '../../data';
import { lastSegment } from './nodes';

export interface CsConstant {
  vocabulary: string;
  name: string;
  code: number;
}

const OWNERS: Record<string, string> = { StatusCodes: 'aspnet', HttpStatusCode: 'dotnet' };

/** The constant a member access (or a `using static` name like `Status409Conflict`) stands for. */
export function constantOf(node: Node): CsConstant | undefined {
  if (node.type === 'identifier') {
    if (!/^Status\d{3}[A-Z]\w*$/.test(node.text)) return undefined;
    const hit = lookupConstant('aspnet', node.text);
    return hit ? { vocabulary: 'aspnet', name: node.text, code: hit.code } : undefined;
  }
  if (node.type !== 'member_access_expression') return undefined;
  const owner = lastSegment(node.childForFieldName('expression')?.text ?? '');
  const name = node.childForFieldName('name')?.text;
  const vocabulary = Object.prototype.hasOwnProperty.call(OWNERS, owner) ? OWNERS[owner] : undefined;
  if (!vocabulary || !name) return undefined;
  const hit = lookupConstant(vocabulary, name);
  return hit ? { vocabulary, name, code: hit.code } : undefined;
}

/** What the file's using directives make available. */
export class CsUsings {
  readonly forms = new Map<string, string>();

  add(directive: string): void {
    const m = /^(global\s+)?using\s+(static\s+)?([\w.]+)\s*;/.exec(directive.replace(/\s+/g, ' ').replace(/ ?\. ?/g, '.'));
    if (!m) return;
    const [, , isStatic, ns] = m;
    if (isStatic && ns === 'Microsoft.AspNetCore.Http.StatusCodes') this.forms.set('aspnet', 'NAME');
    else if (!isStatic && ns === 'Microsoft.AspNetCore.Http') this.forms.set('aspnet', 'StatusCodes.NAME');
    else if (!isStatic && ns === 'System.Net') this.forms.set('dotnet', 'HttpStatusCode.NAME');
  }
}

/** The vocabularies the file writes constants in (as it writes them), then those its usings make available. */
export function vocabularyUses(usings: CsUsings, used: Map<string, string>): VocabularyUse[] {
  const out: VocabularyUse[] = [];
  const seen = new Set<string>();
  for (const [vocabulary, form] of [...used, ...usings.forms]) {
    if (seen.has(vocabulary)) continue;
    seen.add(vocabulary);
    out.push({ vocabulary, form, imported: true });
  }
  return out;
}

// Lines start with `[ \t]*`, not `\s*`: with the `m` flag `\s*` would run from every line start
// across all the blank lines below it (quadratic on a file of empty lines).
const USING_OF: Record<string, { ns: string; already: RegExp }> = {
  aspnet: { ns: 'Microsoft.AspNetCore.Http', already: /^[ \t]*(global\s+)?using\s+(static\s+)?Microsoft\.AspNetCore\.Http(\.StatusCodes)?\s*;|\bStatusCodes\.Status\d{3}/m },
  dotnet: { ns: 'System.Net', already: /^[ \t]*(global\s+)?using\s+System\.Net\s*;|\bSystem\.Net\.HttpStatusCode\b/m },
};

/** The using directive for `vocabulary`, after the file's last using (or at the top). */
export function importEdit(text: string, tree: Tree | undefined, vocabulary: string): OffsetEdit | undefined {
  const spec = USING_OF[vocabulary];
  if (!spec || spec.already.test(text)) return undefined;
  const line = `using ${spec.ns};`;
  let last: number | undefined;
  if (tree) {
    // Usings sit at the top level or at the top of a namespace block; nowhere deeper.
    const scan = (parent: Node, depth: number) => {
      // namedChildren in one call: namedChild(i) walks from the first child each time (quadratic).
      for (const c of parent.namedChildren) {
        if (!c) continue;
        if (c.type === 'using_directive') last = c.endIndex;
        else if (depth === 0 && c.type === 'namespace_declaration') {
          const body = c.childForFieldName('body');
          if (body) scan(body, 1);
        }
      }
    };
    scan(tree.rootNode, 0);
  } else {
    for (const m of text.matchAll(/^[ \t]*(global\s+)?using\s+[\w.\s=]+;/gm)) last = m.index! + m[0].length;
  }
  if (last !== undefined) {
    const indent = /[ \t]*$/.exec(text.slice(text.lastIndexOf('\n', last - 1) + 1, last).replace(/\S.*$/, ''))?.[0] ?? '';
    return { start: last, end: last, newText: `\n${indent}${line}` };
  }
  return { start: 0, end: 0, newText: `${line}\n\n` };
}
