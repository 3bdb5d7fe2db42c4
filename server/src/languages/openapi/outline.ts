// The OpenAPI structure the model is built from, read off the small tree the same way for YAML
// and JSON: operations under paths, webhooks and callbacks, their responses, and the reusable
// responses that `$ref`s point to.
import { HTTP_METHODS, asMap, entry, type GEntry, type GMap, type Root, type State } from './tree';

export type Flavor = 'openapi3' | 'swagger2';

export interface SpecResponse {
  /** The response key as written, unquoted: `409`, `4XX`, `default`. */
  key: string;
  entry: GEntry;
  /** The response object, when it is written as a map. */
  map?: GMap;
  /** The responses map the key sits in (its siblings). */
  parent: GMap;
  /** The `$ref` target when the response is a reference. */
  ref?: string;
}

export interface SpecOperation {
  method: string;
  route: string;
  entry: GEntry;
  responses: SpecResponse[];
  /** Methods declared for the same path. */
  routeMethods: string[];
}

export interface Outline {
  flavor?: Flavor;
  operations: SpecOperation[];
  /** Reusable responses by the `$ref` that names them (`#/components/responses/NotFound`). */
  named: Map<string, SpecResponse>;
}

function responseOf(e: GEntry, parent: GMap): SpecResponse {
  const map = asMap(e.value);
  const ref = entry(map, '$ref')?.value;
  return { key: e.key, entry: e, map, parent, ref: ref?.kind === 'scalar' && typeof ref.value === 'string' ? ref.value : undefined };
}

function pathItem(route: string, item: GMap, out: Outline): void {
  const methods = item.entries.filter((e) => HTTP_METHODS.has(e.key));
  const routeMethods = methods.map((e) => e.key.toUpperCase());
  for (const m of methods) {
    const op = asMap(m.value);
    const responses = asMap(entry(op, 'responses')?.value);
    out.operations.push({
      method: m.key.toUpperCase(),
      route,
      entry: m,
      responses: responses ? responses.entries.filter((e) => !e.key.startsWith('x-')).map((e) => responseOf(e, responses)) : [],
      routeMethods,
    });
    // Callbacks: name -> runtime expression -> path item.
    for (const cb of asMap(entry(op, 'callbacks')?.value)?.entries ?? []) {
      for (const expr of asMap(cb.value)?.entries ?? []) {
        const inner = asMap(expr.value);
        if (inner) pathItem(expr.key, inner, out);
      }
    }
  }
}

function named(map: GMap, prefix: string, out: Outline): void {
  for (const e of map.entries) out.named.set(prefix + e.key, responseOf(e, map));
}

/** Walks a root of the given state (a whole document, or one chunk of it). */
function walk(map: GMap, state: State, out: Outline): void {
  switch (state) {
    case 'root':
      for (const e of map.entries) {
        const value = e.value;
        if ((e.key === 'openapi' || e.key === 'swagger') && value?.kind === 'scalar') {
          const v = String(value.value);
          // `openapi: 3.0` unquoted reads as the number 3.
          if (e.key === 'openapi' && /^3(\.|$)/.test(v)) out.flavor = 'openapi3';
          if (e.key === 'swagger' && /^2(\.|$)/.test(v)) out.flavor = 'swagger2';
        }
        const child = asMap(value);
        if (!child) continue;
        if (e.key === 'paths' || e.key === 'webhooks') walk(child, 'paths', out);
        else if (e.key === 'components') walk(child, 'components', out);
        else if (e.key === 'responses') named(child, '#/responses/', out);
      }
      return;
    case 'paths':
      for (const e of map.entries) {
        const item = asMap(e.value);
        if (item && !e.key.startsWith('x-')) pathItem(e.key, item, out);
      }
      return;
    case 'components': {
      const responses = asMap(entry(map, 'responses')?.value);
      if (responses) named(responses, '#/components/responses/', out);
      return;
    }
    case 'namedResponses':
      named(map, '#/responses/', out);
      return;
    default:
      return;
  }
}

export function outlineOf(roots: Root[]): Outline {
  const out: Outline = { operations: [], named: new Map() };
  for (const r of roots) walk(r.map, r.state, out);
  return out;
}
