// JavaScript / TypeScript / JSX / TSX: Express, Koa, Fastify, NestJS, Hono, Elysia, h3/Nuxt, Next.js, Node http,
// fetch Response, http-errors, and supertest / jest / chai / node:assert in tests.
// A file is analysed one top-level statement at a time (unit.ts); after an edit, the statements
// whose text did not change keep their facts from the previous model (reuse.ts).
import type { DocumentModel, HandlerFacts, ResponseFacts, VocabularyUse } from '../../model';
import { emptyModel } from '../../model';
import type { AdapterInput, LanguageAdapter } from '../adapter';
import type { Node } from '../../parsing/treeSitter';
import { copiedEdits, reanalyse, rememberEdits, rememberUnits, reusableUnits, shiftResponse, shiftSite, unitKey, type Category, type ModelUnits, type UnitRecord } from './reuse';
import { nameBeforeClause } from '../nameBeforeClause';
import { Enclosing } from '../enclosing';
import { javascriptImportEdit, javascriptSlotAt } from './slots';
import { extractUnitAt, type UnitEnv, type UnitFacts } from './unit';
import { fileFrameworks } from './frameworks';

function vocabularyUses(text: string): VocabularyUse[] {
  const uses: VocabularyUse[] = [];
  if (/\bfrom\s+['"]http-status-codes['"]|require\(\s*['"]http-status-codes['"]\s*\)/.test(text)) uses.push({ vocabulary: 'http-status-codes', form: 'StatusCodes.NAME', imported: true });
  // /\bHttpStatus\b[^;]*from.../ would rescan from every `HttpStatus` of the file (quadratic).
  if (nameBeforeClause(text, /\bHttpStatus\b/, /from\s+['"]@nestjs\/common['"]/, ';')) uses.push({ vocabulary: 'nestjs', form: 'HttpStatus.NAME', imported: true });
  if (/['"](node:)?http2['"]/.test(text) && /HTTP_STATUS_/.test(text)) uses.push({ vocabulary: 'node-http2', form: 'http2.constants.NAME', imported: true });
  return uses;
}

/** One statement's facts: freshly analysed, or copied from the previous model. */
type Part = { start: number; end: number; key?: string } & ({ fresh: UnitFacts } | { record: UnitRecord; from: DocumentModel });


function extract(input: AdapterInput): DocumentModel {
  const { text, tree } = input;
  const model = emptyModel(input.languageId);
  if (!tree) return model;
  const quote = /(^|[^\\])'/.test(text.slice(0, 4000)) || !text.includes('"') ? "'" : '"';
  const fw = fileFrameworks(text);
  const env: UnitEnv = { text, uri: input.uri, quote, restify: fw.restify, fw, tree };
  const previous = reusableUnits(input.previous, input.uri, input.languageId, quote, fw.key);
  const parts: Part[] = [];
  // The top-level statements, read with one cursor; a node is made only for those analysed.
  const cursor = tree.walk();
  const fileHasError = tree.rootNode.hasError;
  // Where the line of the current statement starts, found by reading the text once, forwards
  // (a search back from every statement is quadratic on a long line of them).
  let lineStart = 0;
  let nextBreak = text.indexOf('\n');
  try {
    if (cursor.gotoFirstChild()) {
      do {
        const start = cursor.startIndex;
        const end = cursor.endIndex;
        // The next line break is kept between statements: each part of the text is searched once.
        while (nextBreak >= 0 && nextBreak < start) {
          lineStart = nextBreak + 1;
          nextBreak = text.indexOf('\n', lineStart);
        }
        // The statement's kind is part of its key: the same text can be a statement or part of an error.
        const textKey = unitKey(text, lineStart, start, end);
        const key = textKey === undefined ? undefined : `${cursor.nodeTypeId}:${textKey}`;
        const record = key === undefined ? undefined : previous?.units.get(key);
        if (record) {
          parts.push({ start, end, key, record, from: input.previous! });
        } else {
          let node: Node | undefined;
          const nodeOf = () => (node ??= cursor.currentNode);
          let fresh: UnitFacts;
          try {
            fresh = extractUnitAt(env, start, end, nodeOf, !fileHasError);
          } catch {
            // One statement the analysis cannot read costs its facts, not the file's.
            fresh = { comments: [], sites: [], siteResponses: [], implicit: [], koa: [], handlers: [], routes: [] };
          }
          // A statement with a syntax error is analysed afresh every time (how the parser recovers
          // from an error can depend on the text around it), and so is one whose facts reach
          // past it (a decorator whose method the parser put in the next statement).
          // (No statement has an error when the file has none: one read for the file, not one per statement.)
          parts.push({ start, end, key: key === undefined || (fileHasError && nodeOf().hasError) || reachesOut(fresh, start, end) ? undefined : key, fresh });
        }
      } while (cursor.gotoNextSibling());
    }
  } finally {
    cursor.delete();
  }
  assemble(model, parts, env);
  model.vocabularies = vocabularyUses(text);
  return model;
}

/** True when a fact of the statement [start, end) lies outside it. */
function reachesOut(f: UnitFacts, start: number, end: number): boolean {
  const out = (s: { start: number; end: number }) => s.start < start || s.end > end;
  return (
    f.handlers.some((h) => out(h.span)) ||
    [...f.siteResponses, ...f.implicit, ...f.koa].some(({ facts: r }) => out(r.span) || (r.body && out(r.body.span)) || r.headers.some((h) => out(h.span)) || (r.branch && out(r.branch.span)))
  );
}

const CATEGORIES: Category[] = ['siteResponses', 'implicit', 'koa'];

/** Puts the statements' facts together into the model, in the order one walk would have found them. */
function assemble(model: DocumentModel, parts: Part[], env: UnitEnv): void {
  const placed: Record<Category, { facts: ResponseFacts; at: number; unit: number }[]> = { siteResponses: [], implicit: [], koa: [] };
  const routes: { route: string; method: string }[] = [];
  const records: UnitRecord[] = [];
  // One analysis of a statement in the current tree, made when an edit of a copied response is asked for.
  const freshCache = new Map<number, UnitFacts | undefined>();
  parts.forEach((part, p) => {
    const record: UnitRecord = { start: part.start, end: part.end, sites: [0, 0], siteResponses: [0, 0], implicit: [0, 0], koa: [0, 0], handlers: [0, 0], comments: [0, 0], routes: [] };
    const siteBase = model.sites.length;
    const handlerBase = model.handlers.length;
    const commentBase = model.comments.length;
    if ('fresh' in part) {
      const f = part.fresh;
      model.comments.push(...f.comments);
      model.sites.push(...f.sites);
      model.handlers.push(...f.handlers);
      record.routes = f.routes;
      for (const category of CATEGORIES) {
        for (const r of f[category]) {
          if (r.facts.site !== undefined) r.facts.site += siteBase;
          rememberEdits(r.facts, r.local);
          placed[category].push({ facts: r.facts, at: r.at, unit: p });
        }
      }
    } else {
      const { record: old, from } = part;
      const d = part.start - old.start;
      // The statement's span, not the part: the part holds the previous model, which a copied
      // edit would then hold, and through it every model before.
      const { start, end } = part;
      const fresh = () => {
        if (!freshCache.has(p)) freshCache.set(p, reanalyse(env, start, end));
        return freshCache.get(p);
      };
      for (let i = old.comments[0]; i < old.comments[1]; i++) {
        const c = from.comments[i];
        model.comments.push({ span: { start: c.span.start + d, end: c.span.end + d }, text: c.text });
      }
      for (let i = old.sites[0]; i < old.sites[1]; i++) model.sites.push(shiftSite(from.sites[i], d));
      for (let i = old.handlers[0]; i < old.handlers[1]; i++) {
        const h = from.handlers[i];
        const copy: HandlerFacts = { span: { start: h.span.start + d, end: h.span.end + d }, calls: h.calls };
        if (h.method !== undefined) copy.method = h.method;
        if (h.route !== undefined) copy.route = h.route;
        model.handlers.push(copy);
      }
      record.routes = old.routes;
      for (const category of CATEGORIES) {
        const [first, last] = old[category];
        for (let i = first; i < last; i++) {
          const r = from.responses[i];
          const site = r.site !== undefined ? siteBase + (r.site - old.sites[0]) : undefined;
          const facts = shiftResponse(r, d);
          facts.edits = copiedEdits(r, d, facts, fresh, category, i - first, site !== undefined ? model.sites[site] : undefined, env.text);
          if (site !== undefined) facts.site = site;
          // A site's response belongs to the handler around the site; an implicit one, around its call.
          const at = (r.site !== undefined ? from.sites[r.site].span.start : r.span.start) + d;
          placed[category].push({ facts, at, unit: p });
        }
      }
    }
    record.sites = [siteBase, model.sites.length];
    record.handlers = [handlerBase, model.handlers.length];
    record.comments = [commentBase, model.comments.length];
    routes.push(...record.routes);
    records.push(record);
  });

  // Responses: those set by sites (in site order), then implicit 200s, then Koa bodies.
  const enclosing = new Enclosing(model.handlers);
  const handlerOf = (offset: number) => enclosing.innermost(offset);
  for (const category of CATEGORIES) {
    for (const { facts, at, unit } of placed[category]) {
      const range = records[unit][category];
      if (range[0] === range[1]) range[0] = model.responses.length;
      facts.handler = handlerOf(at);
      if (facts.site !== undefined) model.sites[facts.site].response = model.responses.length;
      model.responses.push(facts);
      range[1] = model.responses.length;
    }
  }
  addRouteMethods(model.handlers, routes);
  const units: ModelUnits = { uri: env.uri, languageId: model.languageId, quote: env.quote, frameworks: env.fw.key, units: new Map() };
  parts.forEach((part, p) => {
    if (part.key !== undefined) units.units.set(part.key, records[p]);
  });
  rememberUnits(model, units);
}

/** The methods each route has in this file (for Allow), on every handler with a route. */
function addRouteMethods(handlers: HandlerFacts[], routes: { route: string; method: string }[]): void {
  const byRoute = new Map<string, Set<string>>();
  const add = (route: string, method: string) => byRoute.set(route, (byRoute.get(route) ?? new Set<string>()).add(method));
  for (const r of routes) add(r.route, r.method);
  for (const h of handlers) if (h.route !== undefined && h.method) add(h.route, h.method);
  for (const h of handlers) if (h.route !== undefined) h.routeMethods = [...(byRoute.get(h.route) ?? [])];
}

export const javascriptAdapter: LanguageAdapter = {
  id: 'javascript',
  languageIds: ['javascript', 'typescript', 'javascriptreact', 'typescriptreact'],
  grammarFor(languageId) {
    if (languageId === 'typescript') return 'typescript';
    if (languageId === 'typescriptreact') return 'tsx';
    return 'javascript';
  },
  extract,
  slotAt: javascriptSlotAt,
  importEdit: javascriptImportEdit,
};
