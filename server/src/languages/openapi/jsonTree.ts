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

export function readJson(text: string): Read {
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
