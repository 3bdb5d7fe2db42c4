// Reusing the facts of the statements an edit did not touch. A model remembers, for each of its
// top-level statements, the statement's text and where its facts sit in the model's lists; the
// next version's model copies the facts of every statement whose text it finds again, shifted
// to the statement's new offset. Facts are plain data, except the edits: those of the previous
// model read nodes of a tree that is gone, so a copied response gets edits that analyse its
// statement again in the current tree when (and only when) a rule asks for one.
import type { DocumentModel, OffsetEdit, ResponseEdits, ResponseFacts, StatusSite } from '../../model';
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
  /** Frameworks.key of the file: which frameworks' calls were read as statuses. */
  frameworks: string;
  /** By statement text (with what precedes it on its first line). */
  units: Map<string, UnitRecord>;
}

const byModel = new WeakMap<DocumentModel, ModelUnits>();

export function rememberUnits(model: DocumentModel, units: ModelUnits): void {
  byModel.set(model, units);
}

/** The statements of `previous` that can be reused for a document with these settings. */
export function reusableUnits(previous: DocumentModel | undefined, uri: string, languageId: string, quote: string, frameworks: string): ModelUnits | undefined {
  const units = previous && byModel.get(previous);
  return units && units.uri === uri && units.languageId === languageId && units.quote === quote && units.frameworks === frameworks ? units : undefined;
}

// The keys of statements and the shifted copies of their facts are shared with the Python and Go
// adapters (../reuse.ts).
export { shiftResponse, shiftSite, unitKey } from '../reuse';

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
    return extractUnit(env, unit, end);
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
