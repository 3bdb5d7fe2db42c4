// PHP: Laravel (helpers, response factory, routes, resource controllers, HTTP tests), Symfony
// (Response classes, AbstractController helpers, HttpExceptions, #[Route] attributes, WebTestCase,
// FOSRestBundle views),
// Slim / PSR-7 and plain PHP. One walk over the tree collects the candidates.
import { inAncestry } from '../ancestry';
import type { Node } from '../../parsing/treeSitter';
import type { DocumentModel, HandlerFacts, StatusSite } from '../../model';
import { emptyModel } from '../../model';
import { constantFor, lookupConstant } from '../../data';
import type { AdapterInput, LanguageAdapter } from '../adapter';
import { statusEdit } from '../edits';
import { Enclosing } from '../enclosing';
import { intLiteral, spanOf } from '../syntax';
import { branchOf } from './branches';
import { ASSERT_METHODS, EXCEPTION_CLASSES, contextOf, isBareCall, specFor, type CallSpec, type StatusContext } from './contexts';
import { methodRoute, routeRegistration, routeTarget, type HandlerRoute } from './handlers';
import { frameworksOf, importEdit, useClauses, vocabularyUses, type UseClause } from './imports';
import { insertStatus } from './insertions';
import { ByFunction, blockOf, chainBefore, responseFor, type PhpDocument } from './responses';
import { slotAt } from './slot';
import { CALL_TYPES, argAt, argValue, argumentNodes, callParts, enclosingFunction, lastSegment, stringValue } from './syntax';
import { parentOf, typeOf, walkWithParents } from '../parents';
import { firstStartingAfter } from '../sorted';

interface Found {
  site: StatusSite;
  ctx?: StatusContext;
  carrier?: Node;
  spec?: CallSpec;
}

const IMPLICIT_200 = new Set(['json', 'make', 'response']);
/** Tokens and subtrees the walk never needs as nodes (names are a quarter of a PHP tree; no status is a parameter). */
const SKIP = new Set(['name', 'variable_name', 'string_content', 'escape_sequence', 'formal_parameters', 'named_type', 'optional_type', 'union_type', 'primitive_type', 'visibility_modifier', 'boolean', 'null', 'float', 'php_tag']);

function extract(input: AdapterInput): DocumentModel {
  const { text, tree } = input;
  const model = emptyModel(input.languageId);
  if (!tree) return model;
  const found: Found[] = [];
  const calls: { start: number; name: string }[] = [];
  const handlers: { node: Node; route: HandlerRoute }[] = [];
  const methodsByName = new Map<string, Node>();
  const links: { className: string; method: string; route: string; methods: string[] }[] = [];
  const implicit: { call: Node; spec: CallSpec; status: number }[] = [];
  const setters: { variable: string; fnId?: number; at: number }[] = [];
  const uses: UseClause[] = [];
  const written: string[] = [];
  const doc: PhpDocument = { text, quote: "'", headerStatements: new ByFunction(), creations: new ByFunction(), statusLiteral: (c) => String(c) };
  let quoteSeen = false;

  walkWithParents(tree, (node, type) => {
    switch (type) {
      case 'comment':
        model.comments.push({ span: spanOf(node), text: node.text });
        return false;
      case 'string':
      case 'encapsed_string':
        if (!quoteSeen) {
          doc.quote = node.text.startsWith('"') ? '"' : "'";
          quoteSeen = true;
        }
        return false;
      case 'heredoc':
      case 'nowdoc':
      case 'shell_command_expression':
      case 'attribute_list':
        return false;
      case 'integer': {
        const code = intLiteral(node.text);
        const ctx = code !== undefined ? contextOf(node) : undefined;
        if (ctx && code !== undefined) found.push({ site: { code, span: spanOf(node), kind: 'number', role: ctx.role, form: ctx.form }, ctx, carrier: ctx.carrier, spec: ctx.spec });
        return false;
      }
      case 'class_constant_access_expression': {
        const scope = node.namedChild(0);
        const name = node.lastNamedChild?.text ?? '';
        if (!scope || !/Response$/.test(lastSegment(scope.text)) || !name.startsWith('HTTP_')) return false;
        const hit = lookupConstant('symfony', name);
        if (!hit) return false;
        written.push(scope.text);
        const ctx = contextOf(node);
        found.push({ site: { code: hit.code, span: spanOf(node), kind: 'constant', vocabulary: 'symfony', name, role: ctx?.role ?? 'reference', form: ctx?.form ?? `${lastSegment(scope.text)}::${name}` }, ctx, carrier: ctx?.carrier, spec: ctx?.spec });
        return false;
      }
      case 'namespace_use_declaration':
        uses.push(...useClauses(node));
        return false;
      case 'method_declaration': {
        const cls = parentOf(parentOf(node))?.childForFieldName('name')?.text;
        const name = node.childForFieldName('name')?.text;
        if (cls && name) methodsByName.set(`${cls}::${name}`, node);
        const route = methodRoute(node);
        if (route) handlers.push({ node, route });
        return;
      }
      case 'assignment_expression': {
        const left = node.childForFieldName('left');
        const right = node.childForFieldName('right');
        if (!left || !right || typeOf(left) !== 'variable_name') return;
        const rightType = typeOf(right);
        const parts = CALL_TYPES.has(rightType) ? callParts(right) : undefined;
        const spec = parts ? specFor(parts) : undefined;
        if (spec && spec.style !== 'setter') doc.creations.add(enclosingFunction(node)?.id, { variable: left.text, call: right, spec });
        // PSR-7: $response = $response->withHeader('Location', $url);
        const chain = rightType === 'member_call_expression' ? chainBefore(right, true) : undefined;
        if (chain && (chain.headers.length || chain.unknown)) doc.headerStatements.add(enclosingFunction(node)?.id, { start: node.startIndex, variable: left.text, headers: chain.headers, unknown: chain.unknown });
        return;
      }
      default:
        if (CALL_TYPES.has(type)) onCall(node);
        return;
    }
  }, SKIP);

  /** `header('HTTP/1.1 409 Conflict')` writes the status line; `header('Location: ' . $url)` a header. */
  function plainHeader(call: Node, first: Node | undefined): void {
    // header($_SERVER['SERVER_PROTOCOL'] . ' 404 Not Found')
    const right = first?.type === 'binary_expression' ? first.childForFieldName('right') : undefined;
    const proto = right && /SERVER_PROTOCOL/.test(first!.childForFieldName('left')?.text ?? '') ? /^(\s+)(\d{3})\b/.exec(stringValue(right) ?? '') : undefined;
    if (right && proto) {
      const start = right.startIndex + 1 + proto[1].length;
      found.push({ site: { code: Number(proto[2]), span: { start, end: start + 3 }, kind: 'string', role: 'response', form: 'header()' }, carrier: call, spec: specFor({ kind: 'function', name: 'header' }) });
      return;
    }
    let s = first;
    while (s?.type === 'binary_expression') s = s.childForFieldName('left') ?? undefined;
    const value = s && (stringValue(s) ?? (s.type === 'encapsed_string' ? s.text.slice(1) : undefined));
    if (!s || value === undefined) return;
    const m = /^(HTTP\/[\d.]+\s+)(\d{3})\b/i.exec(value);
    if (m && s.id === first?.id) {
      const start = s.startIndex + 1 + m[1].length;
      found.push({ site: { code: Number(m[2]), span: { start, end: start + 3 }, kind: 'string', role: 'response', form: 'header()' }, carrier: call, spec: specFor({ kind: 'function', name: 'header' }) });
      return;
    }
    const h = /^([A-Za-z0-9-]+)\s*:/.exec(value);
    const block = h ? blockOf(call) : undefined;
    if (h) doc.headerStatements.add(enclosingFunction(call)?.id, { start: call.startIndex, container: block && { start: block.startIndex, end: block.endIndex, id: block.id }, node: call, headers: [{ name: h[1].toLowerCase(), span: spanOf(s) }] });
  }

  function onCall(node: Node): void {
    const parts = callParts(node);
    if (!parts) return;
    calls.push({ start: node.startIndex, name: parts.name });
    const args = argumentNodes(parts);
    if (parts.kind === 'function' && parts.name === 'header') plainHeader(node, argValue(args[0]));
    const reg = routeRegistration(node);
    if (reg) {
      if (reg.target && (reg.target.type === 'anonymous_function' || reg.target.type === 'arrow_function')) {
        handlers.push({ node: reg.target, route: { method: reg.methods[0], route: reg.route, methods: reg.methods } });
      } else {
        const t = routeTarget(reg.target);
        if (t) links.push({ ...t, route: reg.route, methods: reg.methods });
      }
    }
    // Laravel's named assertions: $response->assertCreated()
    const fixed = ASSERT_METHODS[parts.name];
    if (fixed && parts.kind === 'member' && parts.object?.text !== '$this' && !args.length && parts.nameNode) {
      found.push({ site: { code: fixed, span: spanOf(parts.nameNode), kind: 'implicit', role: 'assertion', form: `->${parts.name}()` } });
    }
    if (parts.kind === 'member' && parts.name === 'noContent' && parts.object && isBareCall(parts.object, 'response') && !args.length && parts.nameNode) {
      found.push({ site: { code: 204, span: spanOf(parts.nameNode), kind: 'implicit', role: 'response', form: 'response()->noContent()' }, carrier: node, spec: specFor(parts) });
    }
    const exception = parts.kind === 'new' ? EXCEPTION_CLASSES[parts.name] : undefined;
    if (exception && parts.nameNode) {
      found.push({ site: { code: exception.code, span: spanOf(parts.nameNode), kind: 'implicit', role: 'response', form: `new ${parts.name}()` }, carrier: node });
    }
    // $response->headers->set('X', ...); $response->headers->add($extra)
    if (/^(set|add|replace)$/.test(parts.name) && parts.object?.type === 'member_access_expression' && parts.object.childForFieldName('name')?.text === 'headers') {
      const variable = parts.object.childForFieldName('object')?.text;
      const key = parts.name === 'set' ? stringValue(argValue(args[0])) : undefined;
      if (variable) doc.headerStatements.add(enclosingFunction(node)?.id, { start: node.startIndex, variable, headers: key ? [{ name: key.toLowerCase(), span: spanOf(args[0]) }] : [], unknown: !key });
    }
    // $response->header('Retry-After', $s)->header(...); as a statement of its own.
    if (typeOf(node) === 'member_call_expression' && typeOf(parentOf(node)) === 'expression_statement') {
      const chain = chainBefore(node, true);
      if (chain.root && (chain.headers.length || chain.unknown)) doc.headerStatements.add(enclosingFunction(node)?.id, { start: node.startIndex, variable: chain.root, headers: chain.headers, unknown: chain.unknown });
    }
    if (parts.name === 'setStatusCode' && parts.object?.type === 'variable_name') setters.push({ variable: parts.object.text, fnId: enclosingFunction(node)?.id, at: node.startIndex });
    // Responses that write no status: 200 for content, 302 for redirects.
    const spec = specFor(parts);
    if (!spec || (spec.style !== 'laravel' && spec.style !== 'symfony')) return;
    if (argAt(args, ...spec.status)) return;
    if ((parts.name === 'response' || parts.name === 'redirect') && parts.kind === 'function' && !args.length) return;
    if (spec.helper === 'redirect') implicit.push({ call: node, spec, status: spec.implied ?? 302 });
    else if ((IMPLICIT_200.has(parts.name) || parts.kind === 'new') && spec.body && argAt(args, ...spec.body)) implicit.push({ call: node, spec, status: 200 });
  }

  // How new statuses are written: the file's Response constants, else numbers.
  model.vocabularies = vocabularyUses(uses, written);
  const use = model.vocabularies.find((v) => v.imported);
  if (use) doc.statusLiteral = (c) => {
    const name = constantFor('symfony', c);
    return name ? use.form.replace('NAME', name) : String(c);
  };

  // Handlers: closures, attributed / conventional controller methods, and methods routes name.
  const handlerById = new Map(handlers.map((h) => [h.node.id, h]));
  for (const l of links) {
    const node = methodsByName.get(`${l.className}::${l.method}`);
    if (!node) continue;
    const existing = handlerById.get(node.id);
    if (existing) existing.route = { method: l.methods[0], route: l.route, methods: l.methods };
    else {
      const added = { node, route: { method: l.methods[0], route: l.route, methods: l.methods } };
      handlers.push(added);
      handlerById.set(node.id, added);
    }
  }
  const routeMethods = new Map<string, Set<string>>();
  for (const { route } of handlers) {
    if (route.route === undefined) continue;
    const set = routeMethods.get(route.route) ?? new Set<string>();
    for (const m of route.methods ?? []) set.add(m);
    routeMethods.set(route.route, set);
  }
  handlers.sort((a, b) => a.node.startIndex - b.node.startIndex);
  for (const { node, route } of handlers) {
    const facts: HandlerFacts = { span: spanOf(node), method: route.method, route: route.route, calls: [] };
    for (let k = firstStartingAfter(calls, node.startIndex); k < calls.length && calls[k].start < node.endIndex; k++) facts.calls.push(calls[k].name);
    if (route.route !== undefined && routeMethods.get(route.route)?.size) facts.routeMethods = [...routeMethods.get(route.route)!];
    model.handlers.push(facts);
  }
  const enclosing = new Enclosing(model.handlers);
  const handlerOf = (offset: number) => enclosing.innermost(offset);

  found.sort((a, b) => a.site.span.start - b.site.span.start);
  for (const f of found) {
    const index = model.sites.length;
    model.sites.push(f.site);
    if (f.site.role !== 'response' || !f.carrier) continue;
    const fn = enclosingFunction(f.carrier);
    const facts = responseFor(doc, { carrier: f.carrier, spec: f.spec, fn, branch: branchOf(f.carrier) });
    facts.site = index;
    facts.handler = handlerOf(f.site.span.start);
    const site = f.site;
    const carrier = f.carrier;
    const spec = f.spec;
    facts.edits.setStatus = (code) => site.kind === 'implicit' ? (spec ? insertStatus(doc.statusLiteral, carrier, spec, code) : undefined) : statusEdit(site, code, text);
    model.responses.push(facts);
  }
  // `$response = new JsonResponse($d); ... $response->setStatusCode(409)`: the later setter answers.
  const lastSetter = new Map<string, number>();
  for (const st of setters) lastSetter.set(`${st.fnId}:${st.variable}`, Math.max(lastSetter.get(`${st.fnId}:${st.variable}`) ?? -1, st.at));
  for (const { call, spec, status } of implicit) {
    const fn = enclosingFunction(call);
    const up = parentOf(call);
    const assigned = up && typeOf(up) === 'assignment_expression' ? up.childForFieldName('left')?.text : undefined;
    if (assigned && (lastSetter.get(`${fn?.id}:${assigned}`) ?? -1) > call.startIndex) continue;
    const facts = responseFor(doc, { carrier: call, spec, fn, branch: branchOf(call), implicitStatus: status });
    facts.implicitStatus = status;
    facts.handler = handlerOf(call.startIndex);
    facts.edits.setStatus = (code) => insertStatus(doc.statusLiteral, call, spec, code);
    model.responses.push(facts);
  }
  model.responses.sort((a, b) => a.span.start - b.span.start);
  model.responses.forEach((r, i) => {
    if (r.site !== undefined) model.sites[r.site].response = i;
  });
  model.frameworks = frameworksOf(uses, calls);
  return model;
}

export const phpAdapter: LanguageAdapter = {
  id: 'php',
  languageIds: ['php'],
  grammarFor: () => 'php',
  extract: inAncestry(extract),
  slotAt: inAncestry(slotAt),
  importEdit,
};
