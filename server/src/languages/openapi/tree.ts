// A small tree shared by the YAML and JSON readers: only the parts of an OpenAPI document the
// model needs (paths, operations, responses, their headers and content) are kept, so a spec of
// several MB costs a scan, not a full tree. Both readers decide what to keep with `childState`.
import type { CommentFact, Span } from '../../model';

export interface GMap {
  kind: 'map';
  start: number;
  end: number;
  /** YAML flow style `{...}`, or any JSON object: no block indentation to write into. */
  flow: boolean;
  entries: GEntry[];
}

export interface GScalar {
  kind: 'scalar';
  start: number;
  end: number;
  value: unknown;
}

/** A value the walker did not keep (a sequence, a skipped subtree). */
export interface GOther {
  kind: 'other';
  start: number;
  end: number;
}

export type GNode = GMap | GScalar | GOther;

/** A map to walk from, and the state it is in (a whole document is a 'root'). */
export interface Root {
  map: GMap;
  state: State;
}

/** What each reader returns: the roots to walk, and the comments it saw. */
export interface Read {
  roots: Root[];
  comments: CommentFact[];
}

export interface GEntry {
  /** The key's value (unquoted). */
  key: string;
  /** The key token, quotes included. */
  keyStart: number;
  keyEnd: number;
  /** End of the value (or of the key when the value is empty). */
  end: number;
  value?: GNode;
}

/** Where a node sits in an OpenAPI document, which decides which of its children are kept. */
export type State =
  | 'root'
  | 'paths'
  | 'pathItem'
  | 'operation'
  | 'callbacks'
  | 'components'
  | 'responses'
  | 'namedResponses'
  | 'response'
  | 'keys'
  | 'value'
  | 'skip';

export const HTTP_METHODS = new Set(['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace']);

/** The state of the value under `key` in a node of state `state`. */
export function childState(state: State, key: string): State {
  switch (state) {
    case 'root':
      if (key === 'openapi' || key === 'swagger') return 'value';
      if (key === 'paths' || key === 'webhooks') return 'paths';
      if (key === 'components') return 'components';
      // Swagger 2 keeps reusable responses at the top level.
      if (key === 'responses') return 'namedResponses';
      return 'skip';
    case 'paths':
      return key.startsWith('x-') ? 'skip' : 'pathItem';
    case 'pathItem':
      return HTTP_METHODS.has(key) ? 'operation' : 'skip';
    case 'operation':
      if (key === 'responses') return 'responses';
      if (key === 'callbacks') return 'callbacks';
      return 'skip';
    case 'callbacks':
      // A callback maps runtime expressions to path items, like `paths` does.
      return 'paths';
    case 'components':
      return key === 'responses' ? 'namedResponses' : 'skip';
    case 'responses':
    case 'namedResponses':
      return key.startsWith('x-') ? 'skip' : 'response';
    case 'response':
      if (key === 'headers' || key === 'content') return 'keys';
      if (key === '$ref') return 'value';
      return 'skip';
    case 'keys':
      return 'skip';
    default:
      return 'skip';
  }
}

/** Whether nodes of this state are kept as maps (the others are kept as scalars or not at all). */
export function keepsMap(state: State): boolean {
  return state !== 'value' && state !== 'skip';
}

/** A copy of `node` with every offset moved by `base` (chunks are parsed on their own). */
export function shiftNode<T extends GNode>(node: T, base: number): T {
  if (base === 0) return node;
  if (node.kind !== 'map') return { ...node, start: node.start + base, end: node.end + base };
  return {
    ...node,
    start: node.start + base,
    end: node.end + base,
    entries: node.entries.map((e) => ({
      key: e.key,
      keyStart: e.keyStart + base,
      keyEnd: e.keyEnd + base,
      end: e.end + base,
      value: e.value ? shiftNode(e.value, base) : undefined,
    })),
  };
}

export function entry(map: GMap | undefined, key: string): GEntry | undefined {
  return map?.entries.find((e) => e.key === key);
}

export function asMap(node: GNode | undefined): GMap | undefined {
  return node?.kind === 'map' ? node : undefined;
}

export function spanOfEntry(e: GEntry): Span {
  return { start: e.keyStart, end: e.end };
}
