// Reusing the facts of the statements an edit did not touch. A model remembers, for each of its
// top-level statements, the statement's text and where its facts sit in the model's lists; the
// next version's model copies the facts of every statement whose text it finds again, shifted
// to the statement's new offset. Facts are plain data, except the edits: those of the previous
// model read nodes of a tree that is gone, so a copied response gets edits that analyse its
// statement again in the current tree when (and only when) a rule asks for one.
import type { BodyFacts, DocumentModel, OffsetEdit, ResponseEdits, ResponseFacts, Span, StatusSite } from '../../model';
import type { Node, Tree } from '../../parsing/treeSitter';
import { statusEdit } from '../edits';
import { extractUnit, type UnitEnv, type UnitFacts } from './unit';

/** Where one statement's facts sit in its model's lists: [from, to) index ranges. */
export interface UnitRecord {
  start: number;
  end: number;
  sites: [number, number];
  siteResponses: [number, number];
  implicit: [number, number];
  koa: [number, number];
  handlers: [number, number];
  comments: [number, number];
  routes: { route: string; method: string }[];
}

export interface ModelUnits {
  uri: string;
  languageId: string;
  quote: string;
  /** By statement text (with what precedes it on its first line). */
  units: Map<string, UnitRecord>;
}

const byModel = new WeakMap<DocumentModel, ModelUnits>();

export function rememberUnits(model: DocumentModel, units: ModelUnits): void {
  byModel.set(model, units);
}

/** The statements of `previous` that can be reused for a document with these settings. */
export function reusableUnits(previous: DocumentModel | undefined, uri: string, languageId: string, quote: string): ModelUnits | undefined {
  const units = previous && byModel.get(previous);
  return units && units.uri === uri && units.languageId === languageId && units.quote === quote ? units : undefined;
}

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
  if (b.errorShape) out.errorShape = { span: shift(b.errorShape.span, d), reason: b.errorShape.reason };
  if (b.leak) out.leak = { span: shift(b.leak.span, d), what: b.leak.what };
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

export type Category = 'siteResponses' | 'implicit' | 'koa';

/**
 * What the edits of one response returned, by edit and arguments (rules ask the same of the same
 * response after every keystroke), and whether those results depend on the response's statement
 * alone, so that a copy of the response in the next version can shift them instead of asking
 * the tree again.
 */
interface EditMemo {
  local: boolean;
  results: Map<string, OffsetEdit[] | undefined>;
}

const memos = new WeakMap<ResponseFacts, EditMemo>();

type EditFn = (...args: unknown[]) => OffsetEdit[] | undefined;

/** Wraps the edits of a freshly analysed response so that their results are remembered. */
export function rememberEdits(r: ResponseFacts, local: boolean): void {
  const memo: EditMemo = { local, results: new Map() };
  memos.set(r, memo);
  const edits: ResponseEdits = {};
  for (const kind of Object.keys(r.edits) as (keyof ResponseEdits)[]) {
    const f = r.edits[kind] as EditFn;
    edits[kind] = ((...args: unknown[]) => remember(memo, kind, args, () => f(...args))) as never;
  }
  r.edits = edits;
}

function remember(memo: EditMemo, kind: string, args: unknown[], compute: () => OffsetEdit[] | undefined): OffsetEdit[] | undefined {
  const key = `${kind}\u0000${JSON.stringify(args)}`;
  if (memo.results.has(key)) return copy(memo.results.get(key), 0);
  const result = compute();
  memo.results.set(key, copy(result, 0));
  return result;
}

function copy(edits: OffsetEdit[] | undefined, d: number): OffsetEdit[] | undefined {
  return edits?.map((e) => ({ start: e.start + d, end: e.end + d, newText: e.newText }));
}

/**
 * Edits for `previous` copied `d` further on: results the previous response already gave are
 * shifted; anything else analyses the statement again in the current tree (once per model) and
 * asks the same response of that fresh analysis.
 */
export function copiedEdits(previous: ResponseFacts, d: number, copy_: ResponseFacts, fresh: () => UnitFacts | undefined, category: Category, index: number, site?: StatusSite, text?: string): ResponseEdits {
  const old = memos.get(previous);
  const memo: EditMemo = { local: old?.local ?? false, results: new Map() };
  if (old?.local) for (const [key, value] of old.results) memo.results.set(key, copy(value, d));
  memos.set(copy_, memo);
  const edits: ResponseEdits = {};
  for (const kind of Object.keys(previous.edits) as (keyof ResponseEdits)[]) {
    if (kind === 'setStatus' && site && text !== undefined) {
      edits.setStatus = (code) => statusEdit(site, code, text);
      continue;
    }
    edits[kind] = ((...args: unknown[]) =>
      remember(memo, kind, args, () => (fresh()?.[category][index]?.facts.edits[kind] as EditFn | undefined)?.(...args))) as never;
  }
  return edits;
}

/** Analyses the top-level statement spanning [start, end) of `tree` again; undefined when it is not there. */
export function reanalyse(env: UnitEnv, start: number, end: number): UnitFacts | undefined {
  const unit = topLevelAt(env.tree, start, end);
  if (!unit) return undefined;
  try {
    return extractUnit(env, unit);
  } catch {
    return undefined;
  }
}

function topLevelAt(tree: Tree, start: number, end: number): Node | undefined {
  const root = tree.rootNode;
  const inner = root.descendantForIndex(start, end);
  if (!inner) return undefined;
  const unit = inner.id === root.id ? undefined : root.childWithDescendant(inner);
  return unit && unit.startIndex === start && unit.endIndex === end ? unit : undefined;
}
