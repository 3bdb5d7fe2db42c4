// Splits a block-style YAML OpenAPI document into the pieces the model needs: the `openapi:` /
// `swagger:` line, one piece per path item under `paths:` / `webhooks:`, the reusable
// `components.responses` (Swagger 2: top-level `responses:`). Each piece is parsed on its own,
// so an edit re-parses one path item, and `components.schemas` is never parsed at all. YAML
// indentation makes the split exact: a line at a section's child indentation starts a child,
// since block scalars and continuation lines are always indented further. Anything unusual
// (flow-style root, a root sequence, several documents) gives no chunks: parse it whole.
import type { CommentFact } from '../../model';
import type { State } from './tree';

export interface Chunk {
  /** Offset of the chunk's first character in the document. */
  base: number;
  end: number;
  /** The state of the chunk's root map (its keys are children of a node in this state). */
  state: State;
}

export interface Chunked {
  /** Undefined when the document's layout is unusual: parse it whole. */
  chunks?: Chunk[];
  comments: CommentFact[];
  /** Whether a top-level `openapi:` or `swagger:` key was seen. */
  spec: boolean;
}

const TOP_KEY = /^(?:"([^"\\]*)"|'([^']*)'|([A-Za-z_$][\w$.-]*))[ \t]*:(?=[ \t]|\r?$)/;
const CHILD_KEY = /^[ \t]*(?:"([^"\\]*)"|'([^']*)'|([^\s#'"][^:#]*?))[ \t]*:(?=[ \t]|\r?$)/;
const SECTIONS = new Set(['openapi', 'swagger', 'paths', 'webhooks', 'components', 'responses']);

interface Line {
  start: number;
  end: number;
  /** Column of the first non-blank character; -1 for blank lines and comment-only lines. */
  indent: number;
}

function keyOf(re: RegExp, line: string): string | undefined {
  const m = re.exec(line);
  return m ? m[1] ?? m[2] ?? m[3] : undefined;
}

/** A `#` comment on the line (own line or trailing after a space), outside quotes, as a fact. */
function commentOn(text: string, start: number, end: number, into: CommentFact[]): void {
  const line = text.slice(start, end);
  let quote = '';
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") {
      if (i === 0 || /[\s:[{,-]/.test(line[i - 1])) quote = c;
    } else if (c === '#' && (i === 0 || line[i - 1] === ' ' || line[i - 1] === '\t')) {
      const text2 = line.slice(i).replace(/\r$/, '');
      into.push({ span: { start: start + i, end: start + i + text2.length }, text: text2 });
      return;
    }
  }
}

export function chunkYaml(text: string): Chunked {
  const lines: Line[] = [];
  const comments: CommentFact[] = [];
  for (let pos = 0; pos <= text.length; ) {
    const nl = text.indexOf('\n', pos);
    const end = nl < 0 ? text.length : nl;
    let i = pos;
    while (i < end && (text[i] === ' ' || text[i] === '\t')) i++;
    const blank = i === end || text[i] === '\r' || text[i] === '#';
    if (text.slice(i, end).includes('#')) commentOn(text, pos, end, comments);
    lines.push({ start: pos, end, indent: blank ? -1 : i - pos });
    if (nl < 0) break;
    pos = nl + 1;
  }

  // Top-level sections.
  const tops: { key: string; line: number }[] = [];
  let seenKey = false;
  for (let n = 0; n < lines.length; n++) {
    const l = lines[n];
    if (l.indent !== 0) continue;
    const s = text.slice(l.start, l.end).replace(/^\uFEFF/, '');
    if (/^(---|\.\.\.|%)/.test(s)) {
      if (seenKey) return { comments, spec: false };
      continue;
    }
    const key = keyOf(TOP_KEY, s);
    if (key === undefined) return { comments, spec: false };
    seenKey = true;
    tops.push({ key, line: n });
  }

  const chunks: Chunk[] = [];
  let spec = false;
  for (let t = 0; t < tops.length; t++) {
    const { key, line } = tops[t];
    if (!SECTIONS.has(key)) continue;
    const first = lines[line];
    const lastLine = t + 1 < tops.length ? tops[t + 1].line : lines.length;
    const sectionEnd = lastLine < lines.length ? lines[lastLine].start : text.length;
    const whole: Chunk = { base: first.start, end: sectionEnd, state: 'root' };
    if (key === 'openapi' || key === 'swagger') {
      spec = true;
      chunks.push(whole);
      continue;
    }
    const after = text.slice(first.start, first.end).replace(TOP_KEY, '').trim();
    if (after && !after.startsWith('#')) {
      chunks.push(whole);
      continue;
    }
    const children = childChunks(text, lines, line + 1, lastLine, sectionEnd);
    if (!children) {
      chunks.push(whole);
      continue;
    }
    for (const c of children) {
      if (key === 'components') {
        if (c.key === 'responses') chunks.push({ base: c.base, end: c.end, state: 'components' });
      } else {
        chunks.push({ base: c.base, end: c.end, state: key === 'responses' ? 'namedResponses' : 'paths' });
      }
    }
  }
  return { chunks, comments, spec };
}

/** The children of a block map spanning lines [from, to), or undefined when it is not one. */
function childChunks(text: string, lines: Line[], from: number, to: number, sectionEnd: number): { key?: string; base: number; end: number }[] | undefined {
  const out: { key?: string; base: number; end: number }[] = [];
  let indent = -1;
  for (let n = from; n < to; n++) {
    const l = lines[n];
    if (l.indent < 0) continue;
    if (indent < 0) indent = l.indent;
    if (l.indent < indent) return undefined;
    if (l.indent > indent) continue;
    const s = text.slice(l.start, l.end);
    if (s[indent] === '-' && /^-(\s|$)/.test(s.slice(indent))) return undefined;
    if (out.length) out[out.length - 1].end = l.start;
    out.push({ key: keyOf(CHILD_KEY, s), base: l.start, end: sectionEnd });
  }
  return out;
}
