// The values a Sinatra route block answers with when no status is set: Sinatra compiles the
// block into a method and sends what it returns (its last value, or a `return x`) as the body
// of a 200. Only JSON bodies are read (`{ ... }.to_json`, sinatra/json's `json(...)`): a string
// or a template says nothing this analysis can judge.
import type { Node } from '../../parsing/treeSitter';
import { namedArgs } from '../syntax';
import { parentOf, typeOf } from '../parents';
import { callArgs, callName, receiverOf } from './syntax';

/** A file that uses Sinatra (classic or modular), so its `get '/x' do` blocks are Sinatra routes. */
export function isSinatraFile(text: string): boolean {
  return /require\s*\(?\s*['"]sinatra|Sinatra::(Base|Application)\b/.test(text);
}

/** `{ ... }.to_json`, `hash.to_json` on a hash literal, or `json(...)` / `json x` without a receiver. */
export function isJsonBody(n: Node): boolean {
  if (typeOf(n) !== 'call') return false;
  const name = callName(n);
  if (name === 'to_json') return typeOf(receiverOf(n)) === 'hash';
  return name === 'json' && !receiverOf(n) && callArgs(n).length > 0;
}

/** The statements a route block can end on: the last one of a list, through if / unless / case / begin-rescue. */
function tails(n: Node | null | undefined, out: Node[]): void {
  if (!n) return;
  switch (typeOf(n)) {
    case 'body_statement':
    case 'block_body':
    case 'begin':
    case 'then':
    case 'else':
    case 'parenthesized_statements': {
      const kids = namedArgs(n).filter((c) => typeOf(c) !== 'comment');
      const statements = kids.filter((c) => !/^(rescue|else|ensure)$/.test(typeOf(c)));
      tails(statements[statements.length - 1], out);
      // begin ... rescue ... end: a rescue clause ends the block as well (an else clause replaces the body's value).
      for (const c of kids) if (typeOf(c) === 'rescue') tails(c.childForFieldName('body'), out);
      return;
    }
    case 'if':
    case 'unless':
    case 'elsif':
      tails(n.childForFieldName('consequence'), out);
      tails(n.childForFieldName('alternative'), out);
      return;
    case 'case':
      for (const c of namedArgs(n)) {
        if (typeOf(c) === 'when') tails(c.childForFieldName('body'), out);
        else if (typeOf(c) === 'else') tails(c, out);
      }
      return;
    default:
      out.push(n);
  }
}

/** A `return x` whose nearest enclosing block, lambda or method is `block` itself. */
function returnsFrom(ret: Node, block: Node): boolean {
  for (let n = parentOf(ret); n; n = parentOf(n)) {
    if (n.id === block.id) return true;
    if (/^(do_block|block|lambda|method|singleton_method|class|module)$/.test(typeOf(n))) return false;
  }
  return false;
}

/**
 * The JSON values `block` (a Sinatra route block) answers with: its tail values and the values of
 * the `return`s in it, from `returns` (every `return` of the file, in source order).
 */
export function answeredValues(block: Node, returns: Node[]): Node[] {
  const out: Node[] = [];
  tails(block.childForFieldName('body'), out);
  for (const r of returns) {
    if (r.startIndex < block.startIndex || r.endIndex > block.endIndex || !returnsFrom(r, block)) continue;
    const values = namedArgs(r.namedChild(0));
    if (values.length === 1) out.push(values[0]);
  }
  return out.filter(isJsonBody).sort((a, b) => a.startIndex - b.startIndex);
}
