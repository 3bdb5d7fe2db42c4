// NestJS: a status set with @HttpCode() on a handler method. Its headers come from @Header()
// decorators beside it; @Redirect() sets Location; a handler that takes @Res() writes the
// response itself, so its headers cannot be known from the decorators.
import type { Node } from '../../parsing/treeSitter';
import type { OffsetEdit, ResponseFacts } from '../../model';
import { unquote } from '../syntax';
import { field, kids, parentOf, textOf, typeOf } from './nodes';
import { lineIndent } from './responses';
import { nestjsImportBraces } from './slots';

/** The decorators of the method a decorator belongs to, and the method. */
export function methodOf(decorator: Node): { method?: Node; decorators: Node[] } {
  const parent = parentOf(decorator);
  if (parent && typeOf(parent) === 'method_definition') return { method: parent, decorators: kids(parent).filter((d) => typeOf(d) === 'decorator') };
  // TypeScript keeps a method's decorators as siblings before it in the class body.
  const decorators: Node[] = [];
  let n: Node | null = decorator;
  while (n?.previousNamedSibling?.type === 'decorator') n = n.previousNamedSibling;
  for (; n && n.type === 'decorator'; n = n.nextNamedSibling) decorators.push(n);
  return { method: n?.type === 'method_definition' ? n : undefined, decorators };
}

export function decoratorName(d: Node): string {
  const call = kids(d)[0];
  return call ? (typeOf(call) === 'call_expression' ? textOf(field(call, 'function')) : textOf(call)) : '';
}

/** The edit that adds `Header` to the file's `@nestjs/common` import: none needed, one, or undefined when there is no such import. */
function importHeader(text: string): OffsetEdit[] | undefined {
  // Found in linear time (nestjsImportBraces): /import\s*\{([^}]*)\}.../ rescans from every `import {`.
  const braces = nestjsImportBraces(text);
  if (!braces) return undefined;
  const names = text.slice(braces.open + 1, braces.close);
  if (/(^|[\s,])Header([\s,]|$)/.test(names)) return [];
  // The end of the last name: a loop, since /[\s,]*$/ retries from every space of a run.
  let last = names.length;
  while (last > 0 && /[\s,]/.test(names[last - 1])) last--;
  const at = braces.open + 1 + last;
  return [{ start: at, end: at, newText: ', Header' }];
}

export function nestResponse(facts: ResponseFacts, httpCode: Node, q: (s: string) => string, text: string): ResponseFacts {
  const decorator = parentOf(httpCode)!;
  const { method, decorators } = methodOf(decorator);
  for (const d of decorators) {
    const name = decoratorName(d);
    const args = kids(field(kids(d)[0], 'arguments'));
    if (name === 'Header' && args[0] && typeOf(args[0]) === 'string') facts.headers.push({ name: unquote(textOf(args[0])).toLowerCase(), span: { start: args[0].startIndex, end: args[0].endIndex } });
    else if (name === 'Header') facts.headersUnknown = true;
    else if (name === 'Redirect') facts.helper = 'redirect';
  }
  const params = field(method, 'parameters');
  if (params && /@(Res|Response|Next)\s*\(/.test(textOf(params))) facts.headersUnknown = true;
  if (method) facts.span = { start: decorators[0]?.startIndex ?? method.startIndex, end: method.endIndex };
  facts.edits.addHeader = (h, v) => {
    const imports = importHeader(text);
    if (!imports) return undefined;
    const indent = lineIndent(text, decorator.startIndex);
    return [...imports, { start: decorator.startIndex, end: decorator.startIndex, newText: `@Header(${q(h)}, ${q(v)})\n${indent}` }];
  };
  return facts;
}
