// Rust: axum, actix-web, http/hyper builders and warp replies, with assert_eq!/assert! on
// `resp.status()` in tests. One walk over the tree collects what the rest needs; responses,
// handlers and implicit statuses are then read from those nodes.
import { inAncestry, parentOf } from '../ancestry';
import type { Node } from '../../parsing/treeSitter';
import type { DocumentModel, OffsetEdit, StatusSite } from '../../model';
import { emptyModel } from '../../model';
import { constantFor, lookupConstant } from '../../data';
import type { AdapterInput, LanguageAdapter } from '../adapter';
import { intLiteral, namedArgs, spanOf } from '../syntax';
import { visitTypes } from '../visit';
import { bodyFacts } from './bodies';
import { branchOf } from './branches';
import { calleeText, contextOf, numberContext, returnedFrom, type StatusContext } from './contexts';
import { collectHandlers, handlerAt } from './handlers';
import { macroSites } from './macros';
import { headerScope, type HeaderScope } from './headersMut';
import { mayChangeType, openBuilder, responseFor } from './responses';
import { rememberMethods, rustImportEdit, rustSlotAt } from './slots';

/** axum / Rocket redirect helpers and the status each answers with. */
const REDIRECTS: Record<string, number> = { to: 303, see_other: 303, temporary: 307, permanent: 308, found: 302, moved: 301 };
/** actix-web's web::Redirect: 307 unless a modifier in the chain says otherwise. */
const ACTIX_REDIRECT_MODIFIERS: Record<string, number> = { permanent: 308, see_other: 303, temporary: 307 };

function pathLast(node: Node | null): string | undefined {
  if (!node) return undefined;
  return node.type === 'scoped_identifier' ? node.childForFieldName('name')?.text : node.text;
}

/** `StatusCode::CONFLICT` (any path before it) or actix's `HttpResponse::Conflict` in a call. */
function constantOf(node: Node): { vocabulary: string; name: string; code: number } | undefined {
  const name = node.childForFieldName('name')?.text;
  const owner = pathLast(node.childForFieldName('path'));
  if (!name || !owner) return undefined;
  const vocabulary = owner === 'StatusCode' ? 'rust-http' : owner === 'HttpResponse' && parentOf(node)?.type === 'call_expression' && parentOf(node)!.childForFieldName('function')?.startIndex === node.startIndex ? 'actix' : undefined;
  const hit = vocabulary ? lookupConstant(vocabulary, name) : undefined;
  return hit && vocabulary ? { vocabulary, name, code: hit.code } : undefined;
}

/** The node types the visit asks the parser for (strings and chars hold nothing of ours). */
const VISITED = ['line_comment', 'block_comment', 'attribute_item', 'inner_attribute_item', 'use_declaration', 'macro_invocation', 'integer_literal', 'scoped_identifier', 'call_expression', 'return_expression', 'function_item'];
const STATUS_PATH = /(^|::)\s*(StatusCode|HttpResponse|Redirect)\s*::\s*[A-Za-z_]\w*$/;

/** Rust integer literals may carry a type suffix: 409u16. */
function rustInt(text: string): number | undefined {
  return intLiteral(text.replace(/_?(u8|u16|u32|u64|u128|usize|i8|i16|i32|i64|i128|isize)$/, ''));
}

/** Changes a site's status, keeping its way of writing it; codes without a constant use from_u16. */
function statusEdit(site: StatusSite, carrier: Node | undefined, code: number, text: string): OffsetEdit[] | undefined {
  if (site.kind === 'number') return [{ start: site.span.start, end: site.span.end, newText: String(code) }];
  if (site.kind !== 'constant' || !site.vocabulary || !site.name) return undefined;
  const written = text.slice(site.span.start, site.span.end);
  const prefix = written.slice(0, written.length - site.name.length);
  const name = constantFor(site.vocabulary, code);
  if (name) return [{ start: site.span.start, end: site.span.end, newText: prefix + name }];
  if (site.vocabulary === 'rust-http') return [{ start: site.span.start, end: site.span.end, newText: `${prefix}from_u16(${code}).unwrap()` }];
  // actix has no builder method for this code: build it from a status.
  if (carrier?.type === 'call_expression') return [{ start: carrier.startIndex, end: carrier.endIndex, newText: `${prefix}build(actix_web::http::StatusCode::from_u16(${code}).unwrap())` }];
  return undefined;
}

function extract(input: AdapterInput): DocumentModel {
  const { text, tree } = input;
  const model = emptyModel(input.languageId);
  if (!tree) return model;
  const uses: string[] = [];
  const calls: Node[] = [];
  const returns: Node[] = [];
  const functions = new Map<string, Node[]>();
  const found: { site: StatusSite; ctx?: StatusContext; helper?: string }[] = [];
  const jsonCalls: Node[] = [];
  const redirects: Node[] = [];

  visitTypes(tree, VISITED, (node, type) => {
    switch (type) {
      case 'line_comment':
      case 'block_comment':
        // Doc comments end with their newline; the comment itself ends before it.
        model.comments.push({ span: { start: node.startIndex, end: node.startIndex + node.text.trimEnd().length }, text: node.text.trimEnd() });
        return false;
      case 'attribute_item':
      case 'inner_attribute_item':
        return false;
      case 'use_declaration':
        uses.push(node.text);
        return false;
      case 'macro_invocation':
        for (const s of macroSites(node)) found.push({ site: { ...s, vocabulary: s.kind === 'constant' ? 'rust-http' : undefined } });
        return false;
      case 'integer_literal': {
        const code = rustInt(node.text);
        const ctx = code === undefined ? undefined : numberContext(node);
        if (ctx && code !== undefined) found.push({ site: { code, span: spanOf(node), kind: 'number', role: ctx.role, form: ctx.form }, ctx });
        return false;
      }
      case 'scoped_identifier': {
        // Most paths are imports and calls of other things: only StatusCode::X, HttpResponse::X and Redirect::x matter.
        if (node.endIndex - node.startIndex > 160 || !STATUS_PATH.test(text.slice(node.startIndex, node.endIndex))) return;
        const c = constantOf(node);
        if (!c) {
          if (pathLast(node.childForFieldName('path')) === 'Redirect' && parentOf(node)?.type === 'call_expression') redirects.push(parentOf(node)!);
          return;
        }
        const ctx = c.vocabulary === 'actix' ? { role: 'response' as const, form: `HttpResponse::${c.name}()`, carrier: parentOf(node)!, shape: 'actix' as const } : contextOf(node);
        found.push({ site: { code: c.code, span: spanOf(node), kind: 'constant', vocabulary: c.vocabulary, name: c.name, role: ctx?.role ?? 'reference', form: ctx?.form ?? text.slice(node.startIndex, node.endIndex) }, ctx });
        return false;
      }
      case 'call_expression':
        calls.push(node);
        if (/(^|::)Json$/.test(calleeText(node)) && namedArgs(node.childForFieldName('arguments')).length === 1) jsonCalls.push(node);
        return;
      case 'return_expression':
        returns.push(node);
        return;
      case 'function_item': {
        const name = node.childForFieldName('name')?.text;
        if (name) functions.set(name, [...(functions.get(name) ?? []), node]);
        return;
      }
      default:
        return;
    }
  });

  const usesText = uses.join('\n');
  const axum = /\baxum\b/.test(usesText) || /\baxum::/.test(text.slice(0, 5000));
  const actix = /\bactix_web\b/.test(usesText);
  const { handlers, methodsByName } = collectHandlers(calls, functions);
  model.handlers = handlers;
  rememberMethods(input.uri, methodsByName);

  for (const call of redirects) {
    const fn = call.childForFieldName('function');
    const helper = fn?.childForFieldName('name')?.text ?? '';
    let code = actix && !axum ? (helper === 'to' ? 307 : undefined) : REDIRECTS[helper];
    if (actix && !axum && code) {
      // Redirect::to(url).permanent(): the modifier decides.
      for (let n = call; parentOf(n)?.type === 'field_expression' && parentOf(parentOf(n))?.type === 'call_expression'; n = parentOf(parentOf(n))!) {
        const m = parentOf(n)!.childForFieldName('field')?.text ?? '';
        if (m === 'using_status_code') code = undefined;
        else if (m in ACTIX_REDIRECT_MODIFIERS) code = ACTIX_REDIRECT_MODIFIERS[m];
      }
    }
    if (code) found.push({ site: { code, span: spanOf(call), kind: 'implicit', role: 'response', form: `Redirect::${helper}()` }, helper: 'redirect' });
  }

  found.sort((a, b) => a.site.span.start - b.site.span.start);
  const redirectAt = new Map<number, Node>();
  for (const r of redirects) if (!redirectAt.has(r.startIndex)) redirectAt.set(r.startIndex, r);
  let lastEnd = -1;
  let scope: HeaderScope | undefined;
  for (const f of found) {
    if (f.site.span.start < lastEnd) continue;
    lastEnd = f.site.span.end;
    const index = model.sites.length;
    model.sites.push(f.site);
    if (f.site.role !== 'response') continue;
    const site = f.site;
    const facts = f.ctx ? responseFor({ ctx: f.ctx, text, returns, scope: (scope ??= headerScope(text, calls)) }) : { span: site.span, headers: [], edits: {}, branch: undefined as ReturnType<typeof branchOf> };
    if (!f.ctx) {
      const call = redirectAt.get(site.span.start);
      facts.branch = call ? branchOf(call) : undefined;
    }
    if (f.helper) facts.helper = f.helper;
    facts.site = index;
    facts.handler = handlerAt(model.handlers, site.span.start);
    // A status returned from a helper (ResponseError::status_code, an error mapper): the response is built elsewhere.
    if (f.ctx?.shape === 'bare' && facts.handler === undefined) facts.headersUnknown = true;
    // A builder left unfinished here (returned from a helper, stored and finished later) gets its
    // headers and body elsewhere; only actix finishes a builder its handler returns as it is.
    const open = f.ctx && openBuilder(f.ctx);
    if (open && !(f.ctx!.shape === 'actix' && facts.handler !== undefined && returnedFrom(open)?.startIndex === model.handlers[facts.handler].span.start)) {
      facts.headersUnknown = true;
      facts.noBody = undefined;
    }
    const carrier = f.ctx?.carrier;
    facts.edits.setStatus = (code) => statusEdit(site, carrier, code, text);
    site.response = model.responses.length;
    model.responses.push(facts);
  }

  // Json(x) returned from a handler without a status: the framework answers 200.
  const imported = /\bStatusCode\b/.test(usesText);
  const handlerByStart = new Map<number, number>();
  model.handlers.forEach((h, i) => handlerByStart.has(h.span.start) || handlerByStart.set(h.span.start, i));
  for (const call of jsonCalls) {
    const fn = returnedFrom(call);
    const handler = fn ? handlerByStart.get(fn.startIndex) ?? -1 : -1;
    if (handler < 0) continue;
    const branch = branchOf(call);
    const body = namedArgs(call.childForFieldName('arguments'))[0];
    const facts = { span: spanOf(call), implicitStatus: 200, headers: [], branch, handler, body: bodyFacts(call, branch?.errorName), edits: {} } as DocumentModel['responses'][number];
    if (axum && mayChangeType(call, returns)) {
      const status = (code: number) => {
        const path = imported ? 'StatusCode' : 'axum::http::StatusCode';
        const name = constantFor('rust-http', code);
        return name ? `${path}::${name}` : `${path}::from_u16(${code}).unwrap()`;
      };
      const json = text.slice(call.startIndex, call.endIndex);
      facts.edits.setStatus = (code) => [{ start: call.startIndex, end: call.endIndex, newText: `(${status(code)}, ${json})` }];
      facts.edits.addHeader = (name, value) => [{ start: call.startIndex, end: call.endIndex, newText: `([(${JSON.stringify(name.toLowerCase())}, ${JSON.stringify(value)})], ${json})` }];
      if (body) facts.edits.replaceBody = (t) => [{ start: body.startIndex, end: body.endIndex, newText: t }];
    }
    model.responses.push(facts);
  }

  model.frameworks = [axum && 'axum', actix && 'actix-web', /\bwarp\b/.test(usesText) && 'warp', /\bhyper\b/.test(usesText) && 'hyper', /\brocket\b/.test(usesText) && 'rocket'].filter((f): f is string => !!f);
  if (/\bStatusCode\b/.test(usesText)) model.vocabularies.push({ vocabulary: 'rust-http', form: 'StatusCode::NAME', imported: true });
  else {
    const q = model.sites.find((s) => s.vocabulary === 'rust-http');
    if (q && q.name) {
      const written = text.slice(q.span.start, q.span.end);
      model.vocabularies.push({ vocabulary: 'rust-http', form: `${written.slice(0, written.length - q.name.length)}NAME`, imported: false });
    }
  }
  if (/\bHttpResponse\b/.test(usesText)) model.vocabularies.push({ vocabulary: 'actix', form: 'HttpResponse::NAME()', imported: true });
  return model;
}

export const rustAdapter: LanguageAdapter = {
  id: 'rust',
  languageIds: ['rust'],
  grammarFor: () => 'rust',
  extract: inAncestry(extract),
  slotAt: inAncestry(rustSlotAt),
  importEdit: rustImportEdit,
};

