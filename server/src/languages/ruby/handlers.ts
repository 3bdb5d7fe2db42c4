// Ruby request handlers: Rails controller actions (by the resource conventions: `create` is a
// POST, `destroy` a DELETE...) and Sinatra / Grape / Roda route blocks (`post '/x' do ... end`).
import type { Node } from '../../parsing/treeSitter';
import { unquote } from '../syntax';
import { callArgs, callName, receiverOf, snake } from './syntax';
import { parentOf, typeOf } from '../parents';

const ROUTE_VERBS = new Set(['get', 'post', 'put', 'patch', 'delete', 'head', 'options', 'link', 'unlink']);

export interface HandlerRoute {
  method?: string;
  route?: string;
  /** Extra methods the same action answers (Rails routes `update` for both PATCH and PUT). */
  also?: string[];
}

/** A Sinatra / Grape / Roda route block: the block of `post '/x' do`, `r.get 'x' do`, `get do`. */
export function routeBlock(block: Node): HandlerRoute | undefined {
  const call = parentOf(block);
  if (!call || typeOf(call) !== 'call' || call.childForFieldName('block')?.id !== block.id) return undefined;
  const name = callName(call) ?? '';
  if (!ROUTE_VERBS.has(name)) return undefined;
  const recv = receiverOf(call);
  if (recv && recv.text !== 'r') return undefined;
  const first = callArgs(call)[0];
  if (first && typeOf(first) !== 'string' && typeOf(first) !== 'regex' && typeOf(first) !== 'simple_symbol') return undefined;
  return { method: name.toUpperCase(), route: first ? unquote(first.text) : '' };
}

/** The class a method is defined in, when it is a controller, with its resource path. */
export function controllerOf(method: Node): { path: string } | undefined {
  const body = parentOf(method);
  const cls = typeOf(body) === 'body_statement' ? parentOf(body) : undefined;
  if (!cls || typeOf(cls) !== 'class') return undefined;
  const name = cls.childForFieldName('name')?.text ?? '';
  const superclass = cls.childForFieldName('superclass')?.text ?? '';
  if (!/Controller$/.test(name) && !/Controller(::(Base|API))?$/.test(superclass)) return undefined;
  const segments = name.split('::');
  for (let n = parentOf(cls); n; n = parentOf(n)) {
    if (typeOf(n) === 'module') segments.unshift(...(n.childForFieldName('name')?.text.split('::') ?? []));
  }
  const path = segments.map((s) => snake(s.replace(/Controller$/, ''))).filter((s) => s).join('/');
  return { path: `/${path}` };
}

/**
 * The route a Rails action answers by the resource conventions. Another action gets the route
 * a `collection { post :name }` would give it, without a method: routes.rb says which, and the
 * name alone tells the rules what kind of endpoint it is (`validate`, `search`, `webhook`).
 */
export function actionRoute(action: string, path: string): HandlerRoute {
  const member = `${path}/:id`;
  switch (action) {
    case 'index':
      return { method: 'GET', route: path };
    case 'create':
      return { method: 'POST', route: path };
    case 'new':
      return { method: 'GET', route: `${path}/new` };
    case 'show':
      return { method: 'GET', route: member };
    case 'edit':
      return { method: 'GET', route: `${member}/edit` };
    case 'update':
      return { method: 'PATCH', route: member, also: ['PUT'] };
    case 'destroy':
      return { method: 'DELETE', route: member };
    default:
      return { route: `${path}/${action}` };
  }
}

/** `private` / `protected` on their own in a class body hide the methods after them. */
export function visibilityMarker(node: Node): 'private' | 'public' | undefined {
  if (typeOf(parentOf(node)) !== 'body_statement' || typeOf(parentOf(parentOf(node))) !== 'class') return undefined;
  if (typeOf(node) !== 'identifier') return undefined;
  if (node.text === 'private' || node.text === 'protected') return 'private';
  if (node.text === 'public') return 'public';
  return undefined;
}

/**
 * The start offsets of the methods of a class body that an earlier `private` / `protected` on
 * its own line hides. One cursor pass over the body's statements, building no nodes but markers.
 */
export function hiddenMethodStarts(body: Node): number[] {
  const out: number[] = [];
  let hidden = false;
  const cursor = body.walk();
  try {
    if (!cursor.gotoFirstChild()) return out;
    do {
      const type = cursor.nodeType;
      if (type === 'identifier') {
        const word = cursor.currentNode.text;
        if (word === 'private' || word === 'protected') hidden = true;
        else if (word === 'public') hidden = false;
      } else if (type === 'method' && hidden) {
        out.push(cursor.startIndex);
      }
    } while (cursor.gotoNextSibling());
  } finally {
    cursor.delete();
  }
  return out;
}

/** True when a method is hidden by an earlier `private` in its class (walks back over siblings). */
export function isHidden(method: Node): boolean {
  if (typeOf(parentOf(method)) === 'argument_list') return true; // private def foo
  let i = 0;
  for (let s = method.previousNamedSibling; s && i < 200; s = s.previousNamedSibling, i++) {
    const v = visibilityMarker(s);
    if (v) return v === 'private';
  }
  return false;
}

/** The route of a `method` node when it is a public controller action. */
export function methodRoute(method: Node, hidden: boolean): HandlerRoute | undefined {
  if (hidden) return undefined;
  const ctl = controllerOf(method);
  const name = method.childForFieldName('name')?.text;
  if (!ctl || !name) return undefined;
  return actionRoute(name, ctl.path);
}
