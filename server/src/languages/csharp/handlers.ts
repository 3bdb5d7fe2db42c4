// C# request handlers: controller actions with [HttpGet("{id}")] / [HttpPost] / [AcceptVerbs]
// under the class's [Route("api/[controller]")], and minimal API registrations
// (`app.MapPost("/todos", handler)`, also on a `MapGroup("/api")` variable).
import type { Node } from '../../parsing/treeSitter';
import type { HandlerFacts } from '../../model';
import { spanOf } from '../syntax';
import { attributeArgs, attributeName, attributesOf, callParts, enclosingClass, stringValue } from './nodes';
import { parentOf, remembered } from '../ancestry';

const VERBS: Record<string, string> = {
  HttpGet: 'GET', HttpPost: 'POST', HttpPut: 'PUT', HttpPatch: 'PATCH', HttpDelete: 'DELETE', HttpHead: 'HEAD', HttpOptions: 'OPTIONS',
};
const MAPS: Record<string, string> = { MapGet: 'GET', MapPost: 'POST', MapPut: 'PUT', MapPatch: 'PATCH', MapDelete: 'DELETE' };

export interface CsHandler {
  /** The method declaration, local function or lambda that handles the request. */
  node: Node;
  facts: HandlerFacts;
  methods: string[];
  /** A controller action (its plain return values are written with 200). */
  action: boolean;
}

function joinRoute(prefix: string, path: string): string {
  if (path.startsWith('/') || path.startsWith('~/')) return path.replace(/^~/, '');
  if (!prefix) return path ? `/${path}` : '/';
  const p = prefix.startsWith('/') ? prefix : `/${prefix}`;
  return path ? `${p.replace(/\/+$/, '')}/${path}` : p;
}

function own<T>(table: Record<string, T>, key: string): T | undefined {
  return Object.prototype.hasOwnProperty.call(table, key) ? table[key] : undefined;
}

/** A controller's name and its [Route] prefix, read once per class. */
function classRoute(cls: Node): { clsName: string; prefix: string } {
  let prefix = '';
  for (const a of attributesOf(cls)) if (attributeName(a) === 'Route') prefix = stringValue(attributeArgs(a)[0]) ?? '';
  return { clsName: cls.childForFieldName('name')?.text ?? '', prefix };
}

/** A controller action, if the method's attributes route it. */
export function actionHandler(method: Node): CsHandler | undefined {
  const methods: string[] = [];
  let path: string | undefined;
  let routed = false;
  for (const a of attributesOf(method)) {
    const name = attributeName(a);
    const verb = own(VERBS, name);
    if (verb) {
      routed = true;
      methods.push(verb);
      path = stringValue(attributeArgs(a)[0]) ?? path;
    } else if (name === 'AcceptVerbs') {
      routed = true;
      for (const v of attributeArgs(a)) {
        const s = stringValue(v);
        if (s) methods.push(s.toUpperCase());
      }
    } else if (name === 'Route') {
      path = stringValue(attributeArgs(a)[0]) ?? path;
    }
  }
  if (!routed) return undefined;
  const cls = enclosingClass(method);
  const { clsName, prefix } = cls ? remembered('route-prefix', cls, classRoute) : { clsName: '', prefix: '' };
  const route = joinRoute(prefix, path ?? '').replace(/\[controller\]/gi, clsName.replace(/Controller$/, ''));
  const facts: HandlerFacts = { span: spanOf(method), route, calls: [] };
  if (methods.length === 1) facts.method = methods[0];
  return { node: method, facts, methods, action: true };
}

/** Route prefixes of `var api = app.MapGroup("/api");` variables, by name. */
export type Groups = Map<string, string>;

/** Records a MapGroup variable when `call` is one. */
export function noteGroup(call: Node, groups: Groups): void {
  const { name, receiver, args } = callParts(call);
  if (name !== 'MapGroup') return;
  // `var api = app.MapGroup("/api").RequireAuthorization();`: the group is the chain's value.
  let top: Node = call;
  for (let up = parentOf(parentOf(top)); parentOf(top)?.type === 'member_access_expression' && up?.type === 'invocation_expression'; up = parentOf(parentOf(top))) top = up;
  const declarator = parentOf(top);
  if (declarator?.type !== 'variable_declarator') return;
  const variable = declarator.childForFieldName('name')?.text;
  const prefix = stringValue(args[0]?.value);
  if (!variable || prefix === undefined) return;
  const base = receiver?.type === 'identifier' ? groups.get(receiver.text) ?? '' : '';
  groups.set(variable, joinRoute(base, prefix.replace(/^\//, '')));
}

/** `app.MapPost("/x", handler)`: the method, route and the handler expression (a lambda or a method group). */
export function mapRegistration(call: Node, groups: Groups): { method: string; route: string; handler: Node } | undefined {
  const { name, receiver, args } = callParts(call);
  const verb = name ? own(MAPS, name) : undefined;
  if (!verb || !receiver || args.length < 2) return undefined;
  const path = stringValue(args[0].value);
  if (path === undefined) return undefined;
  const base = receiver.type === 'identifier' ? groups.get(receiver.text) ?? '' : '';
  return { method: verb, route: base ? joinRoute(base, path.replace(/^\//, '')) : path || '/', handler: args[args.length - 1].value };
}

/** The HTTP method of the action or minimal API handler at a node, walking up (for completion). */
export function methodAt(node: Node): string | undefined {
  for (let n: Node | null = node; n; n = parentOf(n)) {
    if (n.type === 'method_declaration') return actionHandler(n)?.facts.method;
    if (n.type === 'lambda_expression' && parentOf(n)?.type === 'argument') {
      const call = parentOf(parentOf(parentOf(n)));
      const reg = call?.type === 'invocation_expression' ? mapRegistration(call, new Map()) : undefined;
      if (reg) return reg.method;
    }
  }
  return undefined;
}

/** The HTTP method named by one attribute (`HttpPost`) or by a Map call's name (`MapPost`). */
export function verbOf(name: string): string | undefined {
  return own(VERBS, name.replace(/Attribute$/, '')) ?? own(MAPS, name);
}
