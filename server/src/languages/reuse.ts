// Reusing the facts of the top-level statements an edit did not touch, for any adapter that
// analyses a file statement by statement (or can skip statements in its walk). A model
// remembers, for each of its top-level statements, its text and where its facts sit in the
// model's lists; the next version's model copies the facts of every statement whose text it
// finds again, shifted to the statement's new offset, and takes the rest from a fresh analysis
// of the statements that changed (splice). Edits are closures over a tree that is gone: a copied
// response shifts the results its original already gave, and asks a fresh analysis of the whole
// document (made once, only then) for anything else (copyEdits).
import type { BodyFacts, CommentFact, DocumentModel, HandlerFacts, OffsetEdit, ResponseEdits, ResponseFacts, Span, StatusSite } from '../model';
import { emptyModel } from '../model';

/** The longest text before a statement on its line that a key carries (see unitKey). */
const MAX_KEY_PREFIX = 1000;

/**
 * The key of a statement: its text, and what precedes it on its line (edits read the
 * indentation), given where that line starts. Undefined (never reused) when much precedes it on
 * its line: the keys of thousands of statements on one long line would copy that line thousands
 * of times (quadratic), and such a line is no code anyone edits by hand.
 */
export function unitKey(text: string, lineStart: number, start: number, end: number): string | undefined {
  if (start - lineStart > MAX_KEY_PREFIX) return undefined;
  return lineStart === start ? text.slice(start, end) : `${text.slice(lineStart, start)}\u0000${text.slice(start, end)}`;
}

/** Where the line of each offset starts, for offsets asked in increasing order (one pass over the text). */
export function lineStarts(text: string): (offset: number) => number {
  let scanned = 0;
  let lineStart = 0;
  return (offset) => {
    for (; scanned < offset; scanned++) if (text.charCodeAt(scanned) === 10) lineStart = scanned + 1;
    return lineStart;
  };
}

const shift = (s: Span, d: number): Span => ({ start: s.start + d, end: s.end + d });

/** A copy of a site of the previous model, `d` further on (its response index is set later). */
export function shiftSite(site: StatusSite, d: number): StatusSite {
  const out: StatusSite = { code: site.code, span: shift(site.span, d), kind: site.kind, role: site.role, form: site.form };
  if (site.vocabulary !== undefined) out.vocabulary = site.vocabulary;
  if (site.name !== undefined) out.name = site.name;
  if (site.accepts !== undefined) out.accepts = site.accepts;
  return out;
}

function shiftBody(b: BodyFacts, d: number): BodyFacts {
  const out: BodyFacts = { span: shift(b.span, d) };
  if (b.errorShape) {
    const span = shift(b.errorShape.span, d);
    out.errorShape = b.errorShape.code === undefined ? { span, reason: b.errorShape.reason } : { span, reason: b.errorShape.reason, code: b.errorShape.code };
  }
  if (b.leak) out.leak = b.leak.serialized ? { span: shift(b.leak.span, d), what: b.leak.what, serialized: b.leak.serialized } : { span: shift(b.leak.span, d), what: b.leak.what };
  if (b.rawErrorMessage) out.rawErrorMessage = shift(b.rawErrorMessage, d);
  return out;
}

/** A copy of a response of the previous model, `d` further on (its site, handler and edits are set later). */
export function shiftResponse(r: ResponseFacts, d: number): ResponseFacts {
  const out: ResponseFacts = { span: shift(r.span, d), headers: r.headers.length ? r.headers.map((h) => ({ name: h.name, span: shift(h.span, d) })) : [], edits: {} };
  if (r.implicitStatus !== undefined) out.implicitStatus = r.implicitStatus;
  if (r.body) out.body = shiftBody(r.body, d);
  if (r.headersUnknown !== undefined) out.headersUnknown = r.headersUnknown;
  if (r.noBody !== undefined) out.noBody = r.noBody;
  if (r.helper !== undefined) out.helper = r.helper;
  if (r.branch) {
    out.branch = { kind: r.branch.kind, span: shift(r.branch.span, d) };
    if (r.branch.errorName !== undefined) out.branch.errorName = r.branch.errorName;
  }
  return out;
}

/** A copy of a handler of the previous model, `d` further on. */
export function shiftHandler(h: HandlerFacts, d: number): HandlerFacts {
  const out: HandlerFacts = { span: shift(h.span, d), calls: h.calls };
  if (h.method !== undefined) out.method = h.method;
  if (h.route !== undefined) out.route = h.route;
  if (h.routeMethods !== undefined) out.routeMethods = h.routeMethods;
  return out;
}

// ---- Where an offset of the previous text is in the current one ----

/** The one region two versions of a text differ in: [start, oldEnd) became [start, newEnd). */
export interface TextChange {
  start: number;
  oldEnd: number;
  newEnd: number;
}

/** The changed region between two texts: their common prefix and suffix are unchanged. */
export function textChange(before: string, after: string): TextChange {
  let start = 0;
  const max = Math.min(before.length, after.length);
  while (start < max && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let oldEnd = before.length;
  let newEnd = after.length;
  while (oldEnd > start && newEnd > start && before.charCodeAt(oldEnd - 1) === after.charCodeAt(newEnd - 1)) {
    oldEnd--;
    newEnd--;
  }
  return { start, oldEnd, newEnd };
}

// ---- Edits: remembered results, shifted onto copies ----

/** What the edits of one response returned (rules ask the same after every keystroke), and where its statement was. */
interface EditMemo {
  text: string;
  unit: Span;
  /** Made when the first result is remembered: most responses are never asked for an edit. */
  results?: Map<string, OffsetEdit[] | undefined>;
}

/**
 * A response's memo sits on its edits object under a symbol (invisible to Object.keys and JSON):
 * a WeakMap entry per response, made again after every edit, kept the collector busy.
 */
const MEMO = Symbol('edit results');
type WithMemo = ResponseEdits & { [MEMO]?: EditMemo };
const memoOf = (r: ResponseFacts): EditMemo | undefined => (r.edits as WithMemo)[MEMO];
type EditFn = (...args: unknown[]) => OffsetEdit[] | undefined;

function remember(memo: EditMemo, kind: string, args: unknown[], compute: () => OffsetEdit[] | undefined): OffsetEdit[] | undefined {
  const key = `${kind}\u0000${JSON.stringify(args)}`;
  if (memo.results?.has(key)) return memo.results.get(key)?.map((e) => ({ ...e }));
  const result = compute();
  (memo.results ??= new Map()).set(key, result?.map((e) => ({ ...e })));
  return result;
}

/** Wraps the edits of a freshly analysed response (in `text`, statement `unit`) so that their results are remembered. */
export function rememberEdits(r: ResponseFacts, text: string, unit: Span): void {
  const memo: EditMemo = { text, unit };
  const edits: WithMemo = { [MEMO]: memo };
  for (const kind of Object.keys(r.edits) as (keyof ResponseEdits)[]) {
    const f = r.edits[kind] as EditFn | undefined;
    if (f) edits[kind] = ((...args: unknown[]) => remember(memo, kind, args, () => f(...args))) as never;
  }
  r.edits = edits;
}

/**
 * Edits for `copy`, the response `previous` moved `d` further on with its statement (now at
 * `unit` in `text`). A result `previous` gave is shifted: by `d` inside its statement, through
 * the change between the two texts outside it (imports at the top), and dropped when it touches
 * the change. Anything else is asked of `fresh()`: the same response in a full analysis of the
 * current document.
 */
export function copyEdits(previous: ResponseFacts, copy: ResponseFacts, d: number, text: string, unit: Span, fresh: () => ResponseFacts | undefined): void {
  const old = memoOf(previous);
  const memo: EditMemo = { text, unit };
  if (old?.results) {
    let change: TextChange | undefined;
    const from = { start: unit.start - d, end: unit.end - d };
    const move = (o: number, inside: boolean): number | undefined => {
      if (inside) return o + d;
      change ??= textChange(old.text, text);
      if (o < change.start) return o;
      if (o > change.oldEnd) return o + change.newEnd - change.oldEnd;
      return undefined;
    };
    for (const [key, value] of old.results) {
      memo.results ??= new Map();
      if (!value) {
        memo.results.set(key, value);
        continue;
      }
      const moved: OffsetEdit[] = [];
      for (const e of value) {
        const inside = e.start >= from.start && e.end <= from.end;
        const start = move(e.start, inside);
        const end = move(e.end, inside);
        if (start === undefined || end === undefined) break;
        moved.push({ start, end, newText: e.newText });
      }
      if (moved.length === value.length) memo.results.set(key, moved);
    }
  }
  const edits: WithMemo = { [MEMO]: memo };
  for (const kind of Object.keys(previous.edits) as (keyof ResponseEdits)[]) {
    edits[kind] = ((...args: unknown[]) => remember(memo, kind, args, () => (fresh()?.edits[kind] as EditFn | undefined)?.(...args))) as never;
  }
  copy.edits = edits;
}

/** How many statements splice has copied and analysed afresh (read by tests: reuse must happen). */
export const spliceCounts = { reused: 0, fresh: 0 };

// ---- Putting a model together from fresh and copied statements ----

/** Where one top-level statement's facts sit in its model's lists: [from, to) index ranges. */
export interface UnitRecord<D> {
  start: number;
  end: number;
  sites: [number, number];
  handlers: [number, number];
  comments: [number, number];
  /** Responses no site sets (implicit 200s), which come after those of the sites. */
  others: [number, number];
  /** What the adapter keeps about the statement (what it contributes to file-level facts). */
  data: D;
}

/** The reusable statements of a model, by key, with what the file-level facts were. */
export interface ModelUnits<D, C> {
  uri: string;
  languageId: string;
  text: string;
  /** The file-level facts the statements were analysed with (compared before reusing them). */
  context: C;
  units: Map<string, UnitRecord<D>>;
  /** Every statement in order (reusable or not). */
  all: UnitRecord<D>[];
}

const byModel = new WeakMap<DocumentModel, ModelUnits<unknown, unknown>>();

export function rememberUnits<D, C>(model: DocumentModel, units: ModelUnits<D, C>): void {
  byModel.set(model, units as ModelUnits<unknown, unknown>);
}

/** The statements of `previous` that can be reused for this document. */
export function reusableUnits<D, C>(previous: DocumentModel | undefined, uri: string, languageId: string): ModelUnits<D, C> | undefined {
  const units = previous && (byModel.get(previous) as ModelUnits<D, C> | undefined);
  return units && units.uri === uri && units.languageId === languageId ? units : undefined;
}

/** One top-level statement of the current text: analysed afresh, or copied from the previous model. */
export interface Part<D> {
  start: number;
  end: number;
  /** Set when the statement may be reused by the next version. */
  key?: string;
  reused?: UnitRecord<D>;
  /** For fresh statements: what the adapter keeps about it (filled in by the adapter). */
  data?: D;
}

/**
 * The model of the current text: the facts of the fresh statements, taken from `fresh` (an
 * analysis of those statements only, in order), and the copies of the reused ones from `from`.
 * Undefined when a fresh fact lies outside every fresh statement or a response's handler is
 * not found again: the caller then analyses the whole file.
 */
export function splice<D>(fresh: DocumentModel, parts: Part<D>[], from: DocumentModel | undefined, text: string, full: () => DocumentModel | undefined): { model: DocumentModel; records: UnitRecord<D>[] } | undefined {
  const model = emptyModel(fresh.languageId);
  const records: UnitRecord<D>[] = [];
  const others = fresh.responses.filter((r) => r.site === undefined);
  let si = 0;
  let hi = 0;
  let ci = 0;
  let oi = 0;
  /** Placed responses with the start of their handler in the current text. */
  const bySite: { facts: ResponseFacts; site: number; handlerStart?: number }[] = [];
  const placedOthers: { facts: ResponseFacts; part: number; handlerStart?: number }[] = [];
  const copies: { copy: ResponseFacts; previous: ResponseFacts; d: number; unit: Span }[] = [];
  const handlerStart = (list: HandlerFacts[], h: number | undefined, d: number) => (h === undefined ? undefined : list[h] ? list[h].span.start + d : -1);
  for (let p = 0; p < parts.length; p++) {
    const part = parts[p];
    const rec: UnitRecord<D> = { start: part.start, end: part.end, sites: [model.sites.length, 0], handlers: [model.handlers.length, 0], comments: [model.comments.length, 0], others: [0, 0], data: (part.reused ? part.reused.data : part.data) as D };
    if (!part.reused) {
      const inside = (s: Span) => s.start < part.end;
      for (; si < fresh.sites.length && inside(fresh.sites[si].span); si++) {
        const site = fresh.sites[si];
        if (site.span.start < part.start) return undefined;
        const index = model.sites.length;
        model.sites.push(site);
        if (site.response !== undefined) {
          const r = fresh.responses[site.response];
          rememberEdits(r, text, { start: part.start, end: part.end });
          bySite.push({ facts: r, site: index, handlerStart: handlerStart(fresh.handlers, r.handler, 0) });
        }
      }
      for (; hi < fresh.handlers.length && inside(fresh.handlers[hi].span); hi++) {
        if (fresh.handlers[hi].span.start < part.start) return undefined;
        model.handlers.push(fresh.handlers[hi]);
      }
      for (; ci < fresh.comments.length && inside(fresh.comments[ci].span); ci++) {
        if (fresh.comments[ci].span.start < part.start) return undefined;
        model.comments.push(fresh.comments[ci]);
      }
      for (; oi < others.length && inside(others[oi].span); oi++) {
        const r = others[oi];
        if (r.span.start < part.start) return undefined;
        rememberEdits(r, text, { start: part.start, end: part.end });
        placedOthers.push({ facts: r, part: p, handlerStart: handlerStart(fresh.handlers, r.handler, 0) });
      }
    } else if (from) {
      const old = part.reused;
      const d = part.start - old.start;
      const unit = { start: part.start, end: part.end };
      for (let i = old.comments[0]; i < old.comments[1]; i++) {
        const c: CommentFact = from.comments[i];
        model.comments.push({ span: shift(c.span, d), text: c.text });
      }
      for (let i = old.handlers[0]; i < old.handlers[1]; i++) model.handlers.push(shiftHandler(from.handlers[i], d));
      for (let i = old.sites[0]; i < old.sites[1]; i++) {
        const site = from.sites[i];
        const index = model.sites.length;
        model.sites.push(shiftSite(site, d));
        if (site.response === undefined) continue;
        const r = from.responses[site.response];
        const copy = shiftResponse(r, d);
        copies.push({ copy, previous: r, d, unit });
        bySite.push({ facts: copy, site: index, handlerStart: handlerStart(from.handlers, r.handler, d) });
      }
      for (let i = old.others[0]; i < old.others[1]; i++) {
        const r = from.responses[i];
        const copy = shiftResponse(r, d);
        copies.push({ copy, previous: r, d, unit });
        placedOthers.push({ facts: copy, part: p, handlerStart: handlerStart(from.handlers, r.handler, d) });
      }
    }
    if (part.reused) spliceCounts.reused++;
    else spliceCounts.fresh++;
    rec.sites[1] = model.sites.length;
    rec.handlers[1] = model.handlers.length;
    rec.comments[1] = model.comments.length;
    records.push(rec);
  }
  if (si < fresh.sites.length || hi < fresh.handlers.length || ci < fresh.comments.length || oi < others.length) return undefined;

  const handlerIndex = new Map<number, number>();
  model.handlers.forEach((h, i) => handlerIndex.set(h.span.start, i));
  const place = (facts: ResponseFacts, start: number | undefined): boolean => {
    if (start === undefined) delete facts.handler;
    else {
      const h = handlerIndex.get(start);
      if (h === undefined) return false;
      facts.handler = h;
    }
    model.responses.push(facts);
    return true;
  };
  for (const { facts, site, handlerStart: h } of bySite) {
    model.sites[site].response = model.responses.length;
    facts.site = site;
    if (!place(facts, h)) return undefined;
  }
  for (const { facts, part, handlerStart: h } of placedOthers) {
    const range = records[part].others;
    if (range[0] === range[1]) range[0] = model.responses.length;
    if (!place(facts, h)) return undefined;
    range[1] = model.responses.length;
  }
  // Copied edits ask the whole document's analysis, made once, for what they did not remember.
  let whole: DocumentModel | undefined | null = null;
  const index = new Map<ResponseFacts, number>();
  model.responses.forEach((r, i) => index.set(r, i));
  for (const { copy, previous, d, unit } of copies) {
    copyEdits(previous, copy, d, text, unit, () => {
      if (whole === null) whole = full();
      const i = index.get(copy)!;
      const r = whole?.responses[i];
      return r && r.span.start === copy.span.start && r.span.end === copy.span.end ? r : undefined;
    });
  }
  return { model, records };
}
