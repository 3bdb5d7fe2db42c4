// JavaScript / TypeScript / JSX / TSX: Express, Koa, Fastify, NestJS, Hono, Next.js, Node http,
// fetch Response, http-errors, and supertest / jest / chai / node:assert in tests.
import type { Node } from '../../parsing/treeSitter';
import type { DocumentModel, HandlerFacts, StatusSite, VocabularyUse } from '../../model';
import { emptyModel } from '../../model';
import { lookupConstant } from '../../data';
import type { AdapterInput, LanguageAdapter } from '../adapter';
import { intLiteral, namedArgs, spanOf, unquote, walk } from '../syntax';
import { calleeParts, contextOf, type StatusContext } from './contexts';
import { responseFor } from './responses';
import { implicitResponse } from './implicit';
import { statusEdit } from '../edits';
import { javascriptImportEdit, javascriptSlotAt } from './slots';

/** Strings and regexes hold no statuses; the walk does not descend into them. */
const SKIP_TYPES: ReadonlySet<string> = new Set(['string', 'template_string', 'regex', 'comment']);
const BASE_TYPES = ['comment', 'string', 'template_string', 'regex', 'number', 'call_expression', 'new_expression', 'assignment_expression', 'method_definition', 'function_declaration', 'variable_declarator'];

/**
 * The node types the walk builds nodes for. Member expressions and identifiers are the most
 * common nodes in any file; they matter only where the text names a status vocabulary.
 */
function walkTypes(text: string): ReadonlySet<string> {
  const types = new Set(BASE_TYPES);
  if (/StatusCodes|HttpStatus|HTTP_STATUS_/.test(text)) types.add('member_expression');
  if (text.includes('HTTP_STATUS_')) types.add('identifier');
  return types;
}

const ROUTE_METHODS = new Set(['get', 'post', 'put', 'patch', 'delete', 'del', 'head', 'options', 'all']);
const NEST_METHODS = new Set(['Get', 'Post', 'Put', 'Patch', 'Delete', 'Head', 'Options', 'All']);
const EXPORTED_METHODS = new Set(['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS']);

/** The vocabulary a member expression's object names, e.g. `StatusCodes` -> http-status-codes. */
function constantOf(node: Node): { vocabulary: string; name: string; code: number } | undefined {
  if (node.type === 'member_expression') {
    const prop = node.childForFieldName('property');
    const obj = node.childForFieldName('object');
    if (!prop || !obj) return undefined;
    const name = prop.text;
    const objName = obj.type === 'member_expression' ? obj.childForFieldName('property')?.text : obj.text;
    const vocabulary = objName === 'StatusCodes' ? 'http-status-codes' : objName === 'HttpStatus' ? 'nestjs' : objName === 'constants' && name.startsWith('HTTP_STATUS_') ? 'node-http2' : undefined;
    if (!vocabulary) return undefined;
    const hit = lookupConstant(vocabulary, name);
    return hit ? { vocabulary, name, code: hit.code } : undefined;
  }
  if (node.type === 'identifier' && node.text.startsWith('HTTP_STATUS_')) {
    const hit = lookupConstant('node-http2', node.text);
    return hit ? { vocabulary: 'node-http2', name: node.text, code: hit.code } : undefined;
  }
  return undefined;
}

function vocabularyUses(text: string): VocabularyUse[] {
  const uses: VocabularyUse[] = [];
  if (/\bfrom\s+['"]http-status-codes['"]|require\(\s*['"]http-status-codes['"]\s*\)/.test(text)) uses.push({ vocabulary: 'http-status-codes', form: 'StatusCodes.NAME', imported: true });
  if (/\bHttpStatus\b[^;]*from\s+['"]@nestjs\/common['"]/.test(text)) uses.push({ vocabulary: 'nestjs', form: 'HttpStatus.NAME', imported: true });
  if (/['"](node:)?http2['"]/.test(text) && /HTTP_STATUS_/.test(text)) uses.push({ vocabulary: 'node-http2', form: 'http2.constants.NAME', imported: true });
  return uses;
}

function extract(input: AdapterInput): DocumentModel {
  const { text, tree } = input;
  const model = emptyModel(input.languageId);
  if (!tree) return model;
  const quote = /(^|[^\\])'/.test(text.slice(0, 4000)) || !text.includes('"') ? "'" : '"';
  const calls: Node[] = [];
  const assignments: Node[] = [];
  const found: { site: StatusSite; ctx?: StatusContext; value: Node }[] = [];
  const implicitCandidates: Node[] = [];
  const handlers: { fn: Node; facts: HandlerFacts }[] = [];
  const namedRoutes: { route: string; method: string }[] = [];

  walk(tree, (node) => {
    switch (node.type) {
      case 'comment':
        model.comments.push({ span: spanOf(node), text: node.text });
        return false;
      case 'string':
      case 'template_string':
      case 'regex':
        return false;
      case 'number': {
        const code = intLiteral(node.text);
        if (code === undefined) return false;
        const ctx = contextOf(node);
        if (ctx) found.push({ site: { code, span: spanOf(node), kind: 'number', role: ctx.role, form: ctx.form }, ctx, value: node });
        return false;
      }
      case 'member_expression':
      case 'identifier': {
        const c = constantOf(node);
        if (!c) return;
        const ctx = contextOf(node);
        found.push({ site: { code: c.code, span: spanOf(node), kind: 'constant', vocabulary: c.vocabulary, name: c.name, role: ctx?.role ?? 'reference', form: ctx?.form ?? c.name }, ctx, value: node });
        return false;
      }
      case 'call_expression': {
        calls.push(node);
        const { name, receiver } = calleeParts(node);
        const args = namedArgs(node.childForFieldName('arguments'));
        if (name && receiver && ROUTE_METHODS.has(name)) {
          const fn = args.find((a) => a.type === 'arrow_function' || a.type === 'function_expression' || a.type === 'function');
          // app.route('/x').get(fn).post(fn): the route is the argument of the chain's route() call.
          let routeCall: Node | undefined = receiver;
          while (routeCall?.type === 'call_expression' && ROUTE_METHODS.has(calleeParts(routeCall).name ?? '')) routeCall = calleeParts(routeCall).receiver;
          const routeArg = args[0]?.type === 'string' ? args[0] : routeCall?.type === 'call_expression' && calleeParts(routeCall).name === 'route' ? namedArgs(routeCall.childForFieldName('arguments'))[0] : undefined;
          const method = name === 'all' ? undefined : name === 'del' ? 'DELETE' : name.toUpperCase();
          if (fn && routeArg?.type === 'string') {
            handlers.push({ fn, facts: { span: spanOf(fn), method, route: unquote(routeArg.text), calls: [] } });
          } else if (method && routeArg?.type === 'string' && unquote(routeArg.text).startsWith('/') && args.length >= 2) {
            // A route whose handler is defined elsewhere still tells which methods the path has (for Allow).
            namedRoutes.push({ route: unquote(routeArg.text), method });
          }
        }
        if ((name === 'json' || name === 'send') && receiver?.type === 'identifier' && /^(res|response)$/.test(receiver.text) && args.length === 1) implicitCandidates.push(node);
        if (name === 'json' && receiver && /^(c|ctx|context)$/.test(receiver.text) && args.length === 1) implicitCandidates.push(node);
        if (name === 'json' && receiver && /^(NextResponse|Response)$/.test(receiver.text) && args.length === 1) implicitCandidates.push(node);
        return;
      }
      case 'assignment_expression':
        assignments.push(node);
        return;
      case 'method_definition': {
        const decorators = namedArgs(node).filter((d) => d.type === 'decorator');
        // TypeScript puts decorators before the method as siblings in the class body.
        let prev = node.previousNamedSibling;
        while (prev?.type === 'decorator') {
          decorators.push(prev);
          prev = prev.previousNamedSibling;
        }
        for (const d of decorators) {
          const call = d.namedChild(0);
          const dname = call?.type === 'call_expression' ? call.childForFieldName('function')?.text : call?.text;
          if (dname && NEST_METHODS.has(dname)) {
            const route = call?.type === 'call_expression' ? namedArgs(call.childForFieldName('arguments'))[0] : undefined;
            handlers.push({ fn: node, facts: { span: spanOf(node), method: dname.toUpperCase() === 'ALL' ? undefined : dname.toUpperCase(), route: route?.type === 'string' ? unquote(route.text) : '', calls: [] } });
          }
        }
        return;
      }
      case 'function_declaration': {
        const fname = node.childForFieldName('name')?.text;
        if (fname && EXPORTED_METHODS.has(fname) && node.parent?.type === 'export_statement') {
          handlers.push({ fn: node, facts: { span: spanOf(node), method: fname, route: input.uri, calls: [] } });
        }
        return;
      }
      case 'variable_declarator': {
        const vname = node.childForFieldName('name')?.text;
        const value = node.childForFieldName('value');
        if (vname && value && EXPORTED_METHODS.has(vname) && /^(arrow_function|function_expression|function)$/.test(value.type) && node.parent?.parent?.type === 'export_statement') {
          handlers.push({ fn: value, facts: { span: spanOf(value), method: vname, route: input.uri, calls: [] } });
        }
        return;
      }
      default:
        return;
    }
  }, walkTypes(text), SKIP_TYPES);

  // Handlers: what they call, and the methods each route has in this file.
  handlers.sort((a, b) => a.facts.span.start - b.facts.span.start);
  const routeMethods = new Map<string, Set<string>>();
  for (const r of namedRoutes) routeMethods.set(r.route, (routeMethods.get(r.route) ?? new Set<string>()).add(r.method));
  for (const h of handlers) {
    if (h.facts.route !== undefined && h.facts.method) {
      const s = routeMethods.get(h.facts.route) ?? new Set();
      s.add(h.facts.method);
      routeMethods.set(h.facts.route, s);
    }
  }
  let ci = 0;
  for (const h of handlers) {
    while (ci < calls.length && calls[ci].startIndex < h.facts.span.start) ci++;
    for (let k = ci; k < calls.length && calls[k].startIndex < h.facts.span.end; k++) {
      const n = calleeParts(calls[k]).name;
      if (n) h.facts.calls.push(n);
    }
    if (h.facts.route !== undefined) h.facts.routeMethods = [...(routeMethods.get(h.facts.route) ?? [])];
    model.handlers.push(h.facts);
  }
  const handlerOf = (offset: number): number | undefined => {
    let best: number | undefined;
    model.handlers.forEach((h, i) => {
      if (h.span.start <= offset && offset < h.span.end && (best === undefined || h.span.start >= model.handlers[best].span.start)) best = i;
    });
    return best;
  };

  // Status sites in source order; each response-setting site gets its response.
  found.sort((a, b) => a.site.span.start - b.site.span.start);
  for (const f of found) {
    const index = model.sites.length;
    model.sites.push(f.site);
    if (f.site.role !== 'response' || !f.ctx) continue;
    const facts = responseFor({ text, value: f.value, carrier: f.ctx.carrier, calls, assignments, quote });
    facts.site = index;
    facts.handler = handlerOf(f.site.span.start);
    const site = f.site;
    facts.edits.setStatus = (code) => statusEdit(site, code, text);
    f.site.response = model.responses.length;
    model.responses.push(facts);
  }

  // Implicit 200s (implicit.ts): res.json(x), c.json(x), NextResponse.json(x), Koa's ctx.body = x.
  const implicitInput = { text, calls, assignments, quote, handlerOf, handlerStarts: new Set(handlers.map((h) => h.fn.startIndex)) };
  const koaBodies = assignments.filter((a) => /^(ctx|context)\.body$/.test(a.childForFieldName('left')?.text ?? ''));
  for (const node of [...implicitCandidates, ...koaBodies]) {
    const facts = implicitResponse(node, implicitInput);
    if (facts) model.responses.push(facts);
  }
  model.vocabularies = vocabularyUses(text);
  return model;
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
