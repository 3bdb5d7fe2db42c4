// PHP request handlers: Symfony `#[Route(..., methods: [...])]` attributes (and the `#[Get]`,
// `#[Post]`... of route-attribute packages), Laravel resource controller conventions (`store`
// is a POST, `destroy` a DELETE), and closures given to `Route::post(...)` / `$app->post(...)`.
import type { Node, Tree } from '../../parsing/treeSitter';
import { namedArgs } from '../syntax';
import { argName, argValue, argumentNodes, arrayPairs, callParts, lastSegment, stringValue } from './syntax';
import { parentOf, typeOf } from '../parents';

const VERBS = new Set(['get', 'post', 'put', 'patch', 'delete', 'options', 'any', 'match']);
const VERB_ATTRIBUTES = new Set(['Get', 'Post', 'Put', 'Patch', 'Delete', 'Options']);

export interface HandlerRoute {
  method?: string;
  route?: string;
  methods?: string[];
}

/** Laravel's resource controller actions. */
const RESOURCE: Record<string, { method: string; member: boolean; suffix?: string }> = {
  index: { method: 'GET', member: false },
  create: { method: 'GET', member: false, suffix: '/create' },
  store: { method: 'POST', member: false },
  show: { method: 'GET', member: true },
  edit: { method: 'GET', member: true, suffix: '/edit' },
  update: { method: 'PUT', member: true },
  destroy: { method: 'DELETE', member: true },
};

/** A route registration: `Route::post('/x', ...)`, `$app->post('/x', ...)`, `Route::match([...], '/x', ...)`. */
export function routeRegistration(call: Node): { route: string; methods: string[]; target?: Node } | undefined {
  const parts = callParts(call);
  if (!parts || !VERBS.has(parts.name)) return undefined;
  if (parts.kind === 'scoped' ? lastSegment(parts.object?.text ?? '') !== 'Route' : parts.kind !== 'member' || !/^\$(app|router|route|group|r)$/.test(parts.object?.text ?? '')) return undefined;
  const args = argumentNodes(parts).map(argValue);
  let methods: string[];
  let rest = args;
  if (parts.name === 'match') {
    methods = arrayPairs(args[0]).map((p) => stringValue(p.value)?.toUpperCase()).filter((m): m is string => !!m);
    rest = args.slice(1);
  } else {
    methods = parts.name === 'any' ? [] : [parts.name.toUpperCase()];
  }
  const route = stringValue(rest[0]);
  if (route === undefined) return undefined;
  return { route, methods, target: rest[1] };
}

/** `[PostController::class, 'store']` or `'PostController@store'`: the class and method a route names. */
export function routeTarget(target: Node | undefined): { className: string; method: string } | undefined {
  if (!target) return undefined;
  const s = stringValue(target);
  if (s && s.includes('@')) {
    const [cls, m] = s.split('@');
    return { className: lastSegment(cls), method: m };
  }
  const pairs = arrayPairs(target);
  if (pairs.length !== 2) return undefined;
  const cls = pairs[0].value?.text.replace(/::class$/, '');
  const m = stringValue(pairs[1].value);
  return cls && m ? { className: lastSegment(cls), method: m } : undefined;
}

/** Route attributes on a method or class: `#[Route('/x', methods: ['POST'])]`, `#[Post('/x')]`. */
export function attributeRoute(decl: Node): HandlerRoute | undefined {
  const lists = namedArgs(decl).filter((c) => typeOf(c) === 'attribute_list');
  for (const list of lists) {
    for (const group of namedArgs(list)) {
      for (const attr of namedArgs(group)) {
        if (typeOf(attr) !== 'attribute') continue;
        const name = lastSegment(namedArgs(attr).find((c) => typeOf(c) === 'name' || typeOf(c) === 'qualified_name')?.text ?? '');
        const args = argumentNodes({ kind: 'function', name, args: attr.childForFieldName('parameters') ?? undefined });
        const path = stringValue(argValue(args.find((a) => argName(a) === 'path') ?? args.find((a) => !argName(a))));
        if (name === 'Route') {
          const m = argValue(args.find((a) => argName(a) === 'methods'));
          const methods = typeOf(m) === 'array_creation_expression' ? arrayPairs(m).map((p) => stringValue(p.value)) : [stringValue(m)];
          const list = methods.filter((x): x is string => !!x).flatMap((x) => x.split('|')).map((x) => x.toUpperCase());
          return { method: list[0], route: path, methods: list };
        }
        if (VERB_ATTRIBUTES.has(name)) return { method: name.toUpperCase(), route: path, methods: [name.toUpperCase()] };
      }
    }
  }
  return undefined;
}

interface ClassInfo {
  name: string;
  base: string;
  prefix: string;
}

const classes = new WeakMap<Tree, Map<number, ClassInfo>>();

/** The class around a method, with its name, base class and route prefix. */
function classOf(method: Node): ClassInfo | undefined {
  const cls = parentOf(parentOf(method));
  if (!cls || typeOf(cls) !== 'class_declaration') return undefined;
  // Read once per class, not once per method: a controller can have hundreds.
  let known = classes.get(method.tree);
  if (!known) classes.set(method.tree, (known = new Map()));
  let info = known.get(cls.id);
  if (!info) {
    const name = cls.childForFieldName('name')?.text ?? '';
    const base = namedArgs(cls).find((c) => typeOf(c) === 'base_clause')?.text.replace(/^extends\s+/, '') ?? '';
    info = { name, base: lastSegment(base), prefix: attributeRoute(cls)?.route ?? '' };
    known.set(cls.id, info);
  }
  return info;
}

const SYMFONY_BASES = new Set(['AbstractController', 'AbstractFOSRestController', 'FOSRestController']);

/** The route of a public controller method, from its attributes or Laravel's resource names. */
export function methodRoute(method: Node): HandlerRoute | undefined {
  if (namedArgs(method).some((c) => typeOf(c) === 'visibility_modifier' && c.text !== 'public')) return undefined;
  const cls = classOf(method);
  const name = method.childForFieldName('name')?.text ?? '';
  if (!cls || name.startsWith('__')) return undefined;
  const attr = attributeRoute(method);
  if (attr) return { ...attr, route: attr.route !== undefined ? cls.prefix + attr.route : cls.prefix || undefined };
  if (!/Controller$/.test(cls.name) && !/Controller$/.test(cls.base)) return undefined;
  // Symfony's controllers (and FOSRestBundle's, built on them) follow no Laravel resource names.
  if (SYMFONY_BASES.has(cls.base)) return {};
  const base = `/${cls.name.replace(/Controller$/, '').replace(/([a-z\d])([A-Z])/g, '$1_$2').toLowerCase()}`;
  const r = RESOURCE[name];
  // Another action: the routes file says its method; the name still tells the rules what kind
  // of endpoint it is (`validateDraft`, `search`, `webhook`).
  if (!r) return { route: `${base}/${name}` };
  // Laravel routes `update` for both PUT and PATCH.
  return { method: r.method, route: (r.member ? `${base}/{id}` : base) + (r.suffix ?? ''), methods: r.method === 'PUT' ? ['PUT', 'PATCH'] : [r.method] };
}
