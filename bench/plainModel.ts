// A model as plain data, to compare two models (test/unit/reuse-python-go.test.ts) or two builds'
// models (bench/same-models.ts): every edit function replaced by what it returns for the
// arguments rules and quick fixes use. Also the source files of a folder, in a stable order.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { DocumentModel, ResponseEdits } from '../server/src/model';

/** The files under `dir` whose names end with `ext`, sorted by path. */
export function filesUnder(dir: string, ext: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...filesUnder(p, ext));
    else if (name.endsWith(ext)) out.push(p);
  }
  return out.sort();
}

/** The model as plain data, edits replaced by what they return for the arguments rules and fixes use. */
export function plainModel(model: DocumentModel): unknown {
  const edits = (e: ResponseEdits) => ({
    setStatus: [201, 204, 404, 409, 500].map((c) => e.setStatus?.(c)),
    addHeader: [['location', '/x'], ['retry-after', '120'], ['www-authenticate', 'Bearer'], ['allow', 'GET']].map(([h, v]) => e.addHeader?.(h, v)),
    dropBody: e.dropBody?.(),
    replaceBody: e.replaceBody?.('{}'),
    redactBody: e.redactBody?.('Internal Server Error'),
    kinds: Object.keys(e).sort(),
  });
  // As JSON: a field set to undefined and one left out are the same fact.
  return JSON.parse(JSON.stringify({
    languageId: model.languageId,
    sites: model.sites,
    responses: model.responses.map((r) => ({ ...r, edits: edits(r.edits) })),
    handlers: model.handlers,
    vocabularies: model.vocabularies,
    comments: model.comments,
    frameworks: model.frameworks,
  }));
}
