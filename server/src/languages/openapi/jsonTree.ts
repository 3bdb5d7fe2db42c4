// Reads an OpenAPI document written in JSON (or JSON with comments) into the small tree, in one
// scan with jsonc-parser's visitor. Subtrees the model does not need (schemas, parameters,
// examples) are skipped by the visitor itself, so nothing is allocated for them.
// The ESM build: the package's UMD main loads its parts with a dynamic require that a bundle cannot follow.
import { visit } from 'jsonc-parser/lib/esm/main.js';
import type { CommentFact } from '../../model';
import { childState, keepsMap, type GEntry, type GMap, type Read, type State } from './tree';

interface Frame {
  state: State;
  map?: GMap;
  /** The entry whose value this frame is (set on the parent's entry when the frame ends). */
  owner?: GEntry;
  /** The property of this object whose value comes next. */
  pending?: GEntry;
}

/** Deeper than this, nothing of a spec's outline can be (responses sit about eight levels down). */
const MAX_DEPTH = 256;

/**
 * The text with every array or object nested deeper than MAX_DEPTH replaced by `0` and spaces
 * (line breaks kept, so offsets and lines stay): jsonc-parser recurses once per level, and a
 * document nested 50,000 levels deep overflows the stack. One linear scan; strings and comments
 * are stepped over.
 */
export function flattenDeep(text: string): string {
  let depth = 0;
  let cut = -1;
  const cuts: [number, number][] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') {
      for (i++; i < text.length && text[i] !== '"' && text[i] !== '\n'; i++) if (text[i] === '\\') i++;
    } else if (c === '/' && text[i + 1] === '/') {
      const eol = text.indexOf('\n', i);
      i = eol < 0 ? text.length : eol;
    } else if (c === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      i = end < 0 ? text.length : end + 1;
    } else if (c === '[' || c === '{') {
      if (++depth === MAX_DEPTH + 1) cut = i;
    } else if ((c === ']' || c === '}') && depth > 0) {
      if (depth-- === MAX_DEPTH + 1) cuts.push([cut, i + 1]);
    }
  }
  if (depth > MAX_DEPTH) cuts.push([cut, text.length]);
  if (!cuts.length) return text;
  let out = '';
  let at = 0;
  for (const [from, to] of cuts) out += text.slice(at, from) + '0' + text.slice(from + 1, to).replace(/[^\n]/g, ' '), (at = to);
  return out + text.slice(at);
}

export function readJson(source: string): Read {
  const text = flattenDeep(source);
  const comments: CommentFact[] = [];
  const stack: Frame[] = [];
  let root: GMap | undefined;

  // The state of the value starting now, and the entry it belongs to.
  const next = (): { state: State; owner?: GEntry } => {
    const top = stack[stack.length - 1];
    if (!top) return { state: root ? 'skip' : 'root' };
    const owner = top.pending;
    top.pending = undefined;
    if (!top.map || !owner) return { state: 'skip', owner };
    return { state: childState(top.state, owner.key), owner };
  };

  visit(
    text,
    {
      onObjectBegin(offset) {
        const { state, owner } = next();
        const map: GMap | undefined = keepsMap(state) ? { kind: 'map', start: offset, end: offset + 1, flow: true, entries: [] } : undefined;
        if (map && owner) owner.value = map;
        if (map && state === 'root' && !root) root = map;
        stack.push({ state, map, owner });
        // Children of a skipped object are not visited: its end still arrives.
        return map !== undefined;
      },
      onObjectEnd(offset, length) {
        const frame = stack.pop();
        if (frame?.map) frame.map.end = offset + length;
        if (frame?.owner) frame.owner.end = offset + length;
      },
      onArrayBegin() {
        const { owner } = next();
        stack.push({ state: 'skip', owner });
        return false;
      },
      onArrayEnd(offset, length) {
        const frame = stack.pop();
        if (frame?.owner) frame.owner.end = offset + length;
      },
      onObjectProperty(property, offset, length) {
        const top = stack[stack.length - 1];
        if (!top?.map) return;
        const e: GEntry = { key: property, keyStart: offset, keyEnd: offset + length, end: offset + length };
        top.map.entries.push(e);
        top.pending = e;
      },
      onLiteralValue(value, offset, length) {
        const { state, owner } = next();
        if (!owner) return;
        owner.end = offset + length;
        if (state === 'value') owner.value = { kind: 'scalar', start: offset, end: offset + length, value };
      },
      onComment(offset, length) {
        comments.push({ span: { start: offset, end: offset + length }, text: text.slice(offset, offset + length) });
      },
    },
    { allowTrailingComma: true, disallowComments: false },
  );
  return { roots: root ? [{ map: root, state: 'root' }] : [], comments };
}
