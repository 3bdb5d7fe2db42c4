// The language-neutral model of an OpenAPI document: every response key under an operation is
// a declaration site; each operation is a handler; each response with a code gets its facts
// (a body when `content` / `schema` is declared, the headers it declares) and edits.
import type { DocumentModel, HeaderFact, OffsetEdit, ResponseFacts, StatusSite } from '../../model';
import type { Flavor, Outline, SpecOperation, SpecResponse } from './outline';
import { asMap, entry, spanOfEntry, type GEntry } from './tree';
import { jsonAddHeader, jsonRemoveEntry } from './jsonEdits';
import { yamlAddHeader, yamlRemoveEntry } from './yamlEdits';

export const FORM = 'OpenAPI response';

/** The code a response key stands for: `409` -> 409; a class `4XX` -> 400 with its name. */
export function keyCode(key: string): { code: number; range?: string } | undefined {
  if (/^[1-5]\d\d$/.test(key)) return { code: Number(key) };
  if (/^[1-5]XX$/i.test(key)) return { code: Number(key[0]) * 100, range: key };
  return undefined;
}

/** The response's own facts, following one local `$ref` to a reusable response. */
function resolved(r: SpecResponse, outline: Outline): SpecResponse | undefined {
  const own = r.ref ? outline.named.get(r.ref) : r;
  if (!own?.map || own.ref) return undefined;
  // A YAML merge key or an aliased headers map hides what is declared: report nothing rather than guess.
  const headers = entry(own.map, 'headers');
  if (entry(own.map, '<<') || (headers && headers.value?.kind !== 'map')) return undefined;
  return own;
}

function bodyEntry(r: SpecResponse, flavor: Flavor | undefined): GEntry | undefined {
  const content = entry(r.map, 'content');
  const schema = entry(r.map, 'schema');
  // OpenAPI 3: `content: {}` declares no body. Swagger 2: a `schema` declares one.
  if (flavor !== 'swagger2' && content && (asMap(content.value)?.entries.length ?? 1) > 0) return content;
  if (flavor !== 'openapi3' && schema) return schema;
  return undefined;
}

function setStatus(text: string, r: SpecResponse, code: number): OffsetEdit[] | undefined {
  if (!Number.isInteger(code) || code < 100 || code > 599) return undefined;
  // Two keys for one code would make the document invalid.
  if (r.parent.entries.some((e) => e !== r.entry && e.key === String(code))) return undefined;
  const written = text.slice(r.entry.keyStart, r.entry.keyEnd);
  const next = written.replace(/[1-5](?:\d\d|XX)/i, String(code));
  return next === written ? undefined : [{ start: r.entry.keyStart, end: r.entry.keyEnd, newText: next }];
}

function responseFacts(text: string, json: boolean, outline: Outline, r: SpecResponse, handler: number): ResponseFacts | undefined {
  const own = resolved(r, outline);
  if (!own) return undefined;
  const local = own === r;
  const body = bodyEntry(own, outline.flavor);
  const headers: HeaderFact[] = (asMap(entry(own.map, 'headers')?.value)?.entries ?? []).map((h) => ({ name: h.key.toLowerCase(), span: { start: h.keyStart, end: h.keyEnd } }));
  const flavor = outline.flavor;
  // A one-line YAML flow map (`{ description: x }`) takes the same edits as JSON, its subset.
  const jsonLike = json || (!!r.map?.flow && !text.slice(r.map.start, r.map.end).includes('\n'));
  return {
    span: spanOfEntry(r.entry),
    body: body ? { span: spanOfEntry(body) } : undefined,
    headers,
    handler,
    edits: {
      setStatus: (code) => setStatus(text, r, code),
      // A referenced response is shared: changing it would change every operation using it.
      addHeader: local ? (name, value) => (jsonLike ? jsonAddHeader : yamlAddHeader)(text, r, name, value, flavor) : undefined,
      dropBody: local && body ? () => (jsonLike ? jsonRemoveEntry(r.map, body) : yamlRemoveEntry(text, r.map, body)) : undefined,
    },
  };
}

/**
 * Whether a security requirement applies to an operation: its own `security` (an empty list
 * turns security off), else the document's top-level one. Undefined when that cannot be told
 * cheaply, so rules that need it stay quiet.
 */
function securityOf(text: string, op: SpecOperation, document: () => boolean | undefined): boolean | undefined {
  const own = entry(asMap(op.entry.value), 'security');
  if (own?.value) return !/^\[\s*\]$/.test(text.slice(own.value.start, own.value.end).trim());
  if (own) return undefined;
  return document();
}

/** The document's top-level security, read once per document (a scan of the whole text). */
function documentSecurity(text: string, json: boolean): boolean | undefined {
  if (json) return /"security"\s*:/.test(text) ? undefined : false;
  // YAML: a top-level key starts in the first column.
  const top = /^security[ \t]*:[ \t]*(.*)$/m.exec(text);
  if (!top) return false;
  return top[1].trim() === '[]' ? false : top[1].trim() === '' || top[1].trim().startsWith('[') || top[1].trim().startsWith('-') ? true : undefined;
}

interface Found {
  site: StatusSite;
  facts?: ResponseFacts;
}

function operation(model: DocumentModel, found: Found[], text: string, json: boolean, outline: Outline, op: SpecOperation, document: () => boolean | undefined): void {
  const handler = model.handlers.length;
  const responseKeys = op.responses.map((r) => ({ key: r.key, span: { start: r.entry.keyStart, end: r.entry.keyEnd } }));
  model.handlers.push({ span: spanOfEntry(op.entry), method: op.method, route: op.route, calls: [], routeMethods: op.routeMethods, responseKeys, security: securityOf(text, op, document) });
  for (const r of op.responses) {
    const k = keyCode(r.key);
    if (!k) continue;
    const site: StatusSite = { code: k.code, span: { start: r.entry.keyStart, end: r.entry.keyEnd }, kind: 'key', role: 'declaration', form: FORM };
    if (k.range) site.name = k.range;
    // A class of codes (4XX) is not one response: rules about one code do not apply to it.
    found.push({ site, facts: k.range ? undefined : responseFacts(text, json, outline, r, handler) });
  }
}

export function fillModel(model: DocumentModel, text: string, json: boolean, outline: Outline): void {
  const found: Found[] = [];
  let doc: { value: boolean | undefined } | undefined;
  const document = () => (doc ??= { value: documentSecurity(text, json) }).value;
  for (const op of outline.operations) operation(model, found, text, json, outline, op, document);
  // Callbacks written before `responses:` put their sites first: sort once, then link.
  found.sort((a, b) => a.site.span.start - b.site.span.start);
  for (const f of found) {
    if (f.facts) {
      f.site.response = model.responses.length;
      f.facts.site = model.sites.length;
      model.responses.push(f.facts);
    }
    model.sites.push(f.site);
  }
}
