// NestJS: a status set with @HttpCode() on a handler method. Its headers come from @Header()
// decorators beside it; @Redirect() sets Location; a handler that takes @Res() writes the
// response itself, so its headers cannot be known from the decorators.
import type { Node } from '../../parsing/treeSitter';
import type { OffsetEdit, ResponseFacts } from '../../model';
import { namedArgs, unquote } from '../syntax';
import { lineIndent } from './responses';

/** The decorators of the method a decorator belongs to, and the method. */
function methodOf(decorator: Node): { method?: Node; decorators: Node[] } {
  if (decorator.parent?.type === 'method_definition') return { method: decorator.parent, decorators: namedArgs(decorator.parent).filter((d) => d.type === 'decorator') };
  // TypeScript keeps a method's decorators as siblings before it in the class body.
  const decorators: Node[] = [];
  let n: Node | null = decorator;
  while (n?.previousNamedSibling?.type === 'decorator') n = n.previousNamedSibling;
  for (; n && n.type === 'decorator'; n = n.nextNamedSibling) decorators.push(n);
  return { method: n?.type === 'method_definition' ? n : undefined, decorators };
}

function decoratorName(d: Node): string {
  const call = d.namedChild(0);
  return (call?.type === 'call_expression' ? call.childForFieldName('function')?.text : call?.text) ?? '';
}

/** The edit that adds `Header` to the file's `@nestjs/common` import: none needed, one, or undefined when there is no such import. */
function importHeader(text: string): OffsetEdit[] | undefined {
  const m = /import\s*\{([^}]*)\}\s*from\s*['"]@nestjs\/common['"]/.exec(text);
  if (!m) return undefined;
  if (/(^|[\s,])Header([\s,]|$)/.test(m[1])) return [];
  const at = m.index + m[0].indexOf('{') + 1 + m[1].replace(/[\s,]*$/, '').length;
  return [{ start: at, end: at, newText: ', Header' }];
}

export function nestResponse(facts: ResponseFacts, httpCode: Node, q: (s: string) => string, text: string): ResponseFacts {
  const decorator = httpCode.parent!;
  const { method, decorators } = methodOf(decorator);
  for (const d of decorators) {
    const name = decoratorName(d);
    const args = namedArgs(d.namedChild(0)?.childForFieldName('arguments'));
    if (name === 'Header' && args[0]?.type === 'string') facts.headers.push({ name: unquote(args[0].text).toLowerCase(), span: { start: args[0].startIndex, end: args[0].endIndex } });
    else if (name === 'Header') facts.headersUnknown = true;
    else if (name === 'Redirect') facts.helper = 'redirect';
  }
  const params = method?.childForFieldName('parameters');
  if (params && /@(Res|Response|Next)\s*\(/.test(params.text)) facts.headersUnknown = true;
  if (method) facts.span = { start: decorators[0]?.startIndex ?? method.startIndex, end: method.endIndex };
  facts.edits.addHeader = (h, v) => {
    const imports = importHeader(text);
    if (!imports) return undefined;
    const indent = lineIndent(text, decorator.startIndex);
    return [...imports, { start: decorator.startIndex, end: decorator.startIndex, newText: `@Header(${q(h)}, ${q(v)})\n${indent}` }];
  };
  return facts;
}
