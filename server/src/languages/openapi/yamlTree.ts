// Reads an OpenAPI document written in YAML into the small tree with the `yaml` package (which
// keeps source ranges). Pieces from yamlChunks.ts are parsed one by one and cached by their text,
// so after an edit only the piece that changed is parsed again.
import type { YAMLMap } from 'yaml';
import { childState, keepsMap, shiftNode, type GEntry, type GMap, type Read, type Root, type State } from './tree';
import { chunkYaml } from './yamlChunks';

type Yaml = typeof import('yaml');
let yamlModule: Yaml | undefined;

/**
 * The `yaml` package (~250 KB of bundle) on first use: only OpenAPI YAML documents need it, so
 * the server and every CLI thread no longer load it at start. A literal require that esbuild
 * resolves, so the package stays inside the bundle (the .vsix ships no node_modules).
 */
function yaml(): Yaml {
  return (yamlModule ??= require('yaml') as Yaml);
}

/** A fresh copy of a string, so cached trees do not keep a whole old document alive. */
function own(s: string): string {
  return s.length < 13 ? s : JSON.parse(JSON.stringify(s));
}

function convert(node: YAMLMap, state: State): GMap {
  const { isMap, isScalar } = yaml();
  const entries: GEntry[] = [];
  for (const pair of node.items) {
    const k = pair.key;
    if (!isScalar(k) || !k.range || k.value === null || typeof k.value === 'object') continue;
    const v = pair.value as { range?: [number, number, number] } | null;
    const e: GEntry = { key: own(String(k.value)), keyStart: k.range[0], keyEnd: k.range[1], end: Math.max(k.range[1], v?.range?.[1] ?? 0) };
    const st = childState(state, e.key);
    if (isMap(v) && keepsMap(st)) e.value = convert(v, st);
    else if (isScalar(v) && v.range && st === 'value') e.value = { kind: 'scalar', start: v.range[0], end: v.range[1], value: typeof v.value === 'string' ? own(v.value) : v.value };
    else if (v?.range) e.value = { kind: 'other', start: v.range[0], end: v.range[1] };
    entries.push(e);
  }
  const range = node.range ?? [0, 0, 0];
  return { kind: 'map', start: range[0], end: range[1], flow: !!node.flow, entries };
}

/** How many pieces were parsed so far: tests check that an edit re-parses only its piece. */
export const yamlStats = { parsed: 0 };

function parseMap(text: string, state: State): GMap | undefined {
  yamlStats.parsed++;
  const { isMap, parseDocument } = yaml();
  const doc = parseDocument(text, { uniqueKeys: false, prettyErrors: false, keepSourceTokens: false });
  return isMap(doc.contents) ? convert(doc.contents, state) : undefined;
}

// Per document: chunk text -> its tree with chunk-relative offsets. A few documents at most.
const caches = new Map<string, Map<string, GMap | undefined>>();
const MAX_CACHED_DOCUMENTS = 4;

export function readYaml(text: string, uri: string): Read {
  const chunked = chunkYaml(text);
  if (!chunked.chunks) {
    const map = parseMap(text, 'root');
    return { roots: map ? [{ map, state: 'root' }] : [], comments: chunked.comments };
  }
  if (!chunked.spec) return { roots: [], comments: chunked.comments };
  const previous = caches.get(uri);
  const cache = new Map<string, GMap | undefined>();
  const roots: Root[] = [];
  for (const chunk of chunked.chunks) {
    const piece = text.slice(chunk.base, chunk.end);
    const key = `${chunk.state}:${piece}`;
    let map = cache.has(key) ? cache.get(key) : previous?.get(key);
    if (map === undefined && !previous?.has(key)) map = parseMap(piece, chunk.state);
    cache.set(key, map);
    if (map) roots.push({ map: shiftNode(map, chunk.base), state: chunk.state });
  }
  caches.delete(uri);
  caches.set(uri, cache);
  while (caches.size > MAX_CACHED_DOCUMENTS) caches.delete(caches.keys().next().value as string);
  return { roots, comments: chunked.comments };
}
