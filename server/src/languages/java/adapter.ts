// Java: Spring MVC / WebFlux (ResponseEntity, @ResponseStatus, ResponseStatusException), JAX-RS
// (Response, Response.Status), the servlet API, and MockMvc / WebTestClient / RestAssured / JUnit /
// AssertJ in tests. One walk over the tree collects the candidates; the rest works on them.
import type { Node, Tree } from '../../parsing/treeSitter';
import type { DocumentModel, ResponseFacts, StatusSite } from '../../model';
import { emptyModel } from '../../model';
import { lookupConstant } from '../../data';
import type { AdapterInput, LanguageAdapter } from '../adapter';
import { intLiteral, spanOf } from '../syntax';
import { followsValueToken, tokenAt, walkWanted } from '../typedWalk';
import { constantOf, importEdit, JavaImports, vocabularyUses } from './constants';
import { contextOf, isResponseCodeString, type StatusContext } from './contexts';
import { handlerInfo, type JavaHandler } from './handlers';
import { HELPER_NAMES, helperOf, type HelperCall } from './helpers';
import { builderResponse, constructorResponse, statusOnlyResponse, type JavaResponseInput } from './responses';
import { javaSlotAt } from './slot';
import { annotationResponse, plainReturn, returnsOf, servletResponse } from './statements';
import { callParts, sameNode } from './nodes';
import { parentOf, withAncestry } from '../ancestry';
import { nodesStartingIn } from '../sorted';
import { Enclosing } from '../enclosing';
import { placeHandlers } from '../handlerFacts';

interface Found {
  site: StatusSite;
  ctx?: StatusContext;
  helper?: HelperCall;
  /** The node the helper site stands for (the factory call). */
  call?: Node;
}

/**
 * The node types the walk looks at. Constants (`HttpStatus.CONFLICT`, a statically imported
 * `CONFLICT`) and `responseCode = "409"` are found from the text instead: few field accesses,
 * names and strings are statuses, and every node read from the tree is a call into wasm.
 */
const WANTED = new Set(['line_comment', 'block_comment', 'decimal_integer_literal', 'method_invocation', 'method_reference', 'method_declaration', 'return_statement']);

/** Parents under which a bare identifier is a value (a statically imported constant), not a name. */
const VALUE_PARENTS = new Set(['argument_list', 'annotation_argument_list', 'binary_expression', 'element_value_array_initializer', 'return_statement', 'switch_label', 'ternary_expression']);

function extract(input: AdapterInput): DocumentModel {
  return input.tree ? withAncestry(input.tree, () => extractFrom(input, input.tree!)) : emptyModel(input.languageId);
}

function extractFrom(input: AdapterInput, tree: Tree): DocumentModel {
  const { text } = input;
  const model = emptyModel(input.languageId);
  const imports = new JavaImports();
  // Imports come before any use; reading them from the text lets the walk skip identifiers when none is static.
  for (const m of text.matchAll(/^[ \t]*import\s+[^;{}]*;/gm)) imports.add(m[0].trim());
  const calls: Node[] = [];
  const returns: Node[] = [];
  const found: Found[] = [];
  const handlers: JavaHandler[] = [];
  const usedForms = new Map<string, string>();

  /** A constant at `node`, which ends at `end` (where the regex match ends: no call into wasm for it). */
  const addConstant = (node: Node, end: number, c: { vocabulary: string; name: string; code: number }) => {
    const ctx = contextOf(node);
    const span = { start: node.startIndex, end };
    found.push({ site: withAccepts({ code: c.code, span, kind: 'constant', vocabulary: c.vocabulary, name: c.name, role: ctx?.role ?? 'reference', form: ctx?.form ?? c.name }, ctx), ctx });
    const written = text.slice(span.start, span.end).replace(/\s+/g, '');
    if (!usedForms.has(c.vocabulary)) usedForms.set(c.vocabulary, written.slice(0, written.length - c.name.length) + 'NAME');
  };

  walkWanted(tree, WANTED, (node) => {
    switch (node.type) {
      case 'line_comment':
      case 'block_comment':
        model.comments.push({ span: spanOf(node), text: node.text });
        return false;
      case 'decimal_integer_literal': {
        if (!followsValueToken(text, node.startIndex)) return false;
        const code = intLiteral(tokenAt(text, node.startIndex));
        const ctx = code === undefined ? undefined : contextOf(node, code);
        if (ctx && code !== undefined) found.push({ site: withAccepts({ code, span: spanOf(node), kind: 'number', role: ctx.role, form: ctx.form }, ctx), ctx });
        return false;
      }
      case 'method_invocation': {
        calls.push(node);
        // The name turns most calls away; it is read once (each read is a call into wasm).
        const nameNode = node.childForFieldName('name');
        const name = nameNode?.text;
        const helper = name && HELPER_NAMES.has(name) ? helperOf(node) : undefined;
        if (helper) {
          found.push({ site: { code: helper.code, span: spanOf(helper.nameNode), kind: 'implicit', role: 'response', form: `${helper.owner}.${helper.name}()` }, helper, call: node });
          return;
        }
        // MockMvc: status().isConflict()
        if (!name || !/^is[A-Z]/.test(name)) return;
        const object = node.childForFieldName('object');
        if (object?.type === 'method_invocation' && callParts(object).name === 'status' && callParts(object).args.length === 0) {
          const hit = lookupConstant('mockmvc', name);
          if (hit && nameNode) {
            // A matcher name: only another matcher name can take its place.
            found.push({ site: { code: hit.code, span: spanOf(nameNode), kind: 'constant', vocabulary: 'mockmvc', name, role: 'assertion', form: 'status().is…()', accepts: 'constant' } });
            if (!usedForms.has('mockmvc')) usedForms.set('mockmvc', 'status().NAME()');
          }
        }
        return;
      }
      case 'method_reference': {
        const helper = helperOf(node);
        if (helper) found.push({ site: { code: helper.code, span: spanOf(helper.nameNode), kind: 'implicit', role: 'response', form: `${helper.owner}::${helper.name}` }, helper });
        return false;
      }
      case 'method_declaration': {
        // Only an annotated method or a servlet's doGet/doPost... can be a handler; the text says so
        // without the calls into wasm that reading the declaration takes.
        const head = /^[^({;=]*/.exec(text.slice(node.startIndex, node.startIndex + 400))![0];
        if (!head.includes('@') && !/\bdo(Get|Post|Put|Delete|Patch|Head|Options)\s*$/.test(head)) return;
        const h = handlerInfo(node);
        if (h) handlers.push(h);
        return;
      }
      case 'return_statement':
        returns.push(node);
        return;
      default:
        return;
    }
  });

  // Constants, from the text; the tree says whether each is code (not a comment or a string) and where it stands.
  const root = tree.rootNode;
  for (const m of text.matchAll(/\b(HttpStatus|HttpServletResponse|Status)\s*\.\s*([A-Z][A-Z0-9_]*)\b/g)) {
    const id = root.descendantForIndex(m.index! + m[0].length - m[2].length);
    const access = id?.type === 'identifier' ? parentOf(id) : null;
    if (access?.type !== 'field_access' || !sameNode(access.childForFieldName('field'), id)) continue;
    const c = constantOf(access, imports);
    if (c) addConstant(access, m.index! + m[0].length, c);
  }
  // Statically imported ones: the imports name them, so most capitals are turned away before the tree is asked.
  if (imports.members.size || imports.wildcards.length) {
    for (const m of text.matchAll(/(?<![\w$.])[A-Z][A-Z0-9_]+\b/g)) {
      const c = imports.bare(m[0]);
      if (!c) continue;
      const id = root.descendantForIndex(m.index!);
      const parent = id?.type === 'identifier' && id.startIndex === m.index ? parentOf(id) : null;
      if (parent && VALUE_PARENTS.has(parent.type)) addConstant(id!, m.index! + m[0].length, c);
    }
  }

  // `@ApiResponse(responseCode = "409")`, from the text: string literals are many, these few.
  for (const m of text.matchAll(/\bresponseCode\s*=\s*"[1-5]\d\d"/g)) {
    const quote = m.index! + m[0].length - 5;
    let str = tree.rootNode.descendantForIndex(quote);
    if (str && str.type !== 'string_literal') str = parentOf(str);
    if (str?.type === 'string_literal' && str.startIndex === quote && isResponseCodeString(str)) {
      found.push({ site: { code: Number(text.slice(quote + 1, quote + 4)), span: spanOf(str), kind: 'string', role: 'declaration', form: '@ApiResponse(responseCode)' } });
    }
  }

  // Handlers: what they call, and the methods each route has in this file.
  placeHandlers(model, handlers, (start, end) => nodesStartingIn(calls, start, end).map((c) => callParts(c).name));
  const enclosing = new Enclosing(model.handlers);
  const handlerOf = (offset: number) => enclosing.innermost(offset);

  // Sites in source order; each response-setting site gets its response.
  const rin: JavaResponseInput = { text, calls };
  found.sort((a, b) => a.site.span.start - b.site.span.start);
  for (const f of found) {
    const last = model.sites[model.sites.length - 1];
    if (last && f.site.span.start < last.span.end) continue;
    const index = model.sites.length;
    model.sites.push(f.site);
    const facts = f.site.role === 'response' ? responseOf(f, rin, returns) : undefined;
    if (!facts) continue;
    facts.site = index;
    facts.handler = handlerOf(f.site.span.start);
    f.site.response = model.responses.length;
    model.responses.push(facts);
  }

  // Plain `return x;` from REST handlers without @ResponseStatus: the framework answers 200.
  for (const h of handlers) {
    if (!h.returnsBody || h.hasResponseStatus) continue;
    for (const r of returnsOf(h.node, returns)) {
      const facts = plainReturn(r, h.node, rin);
      if (!facts) continue;
      facts.handler = handlerOf(r.startIndex);
      model.responses.push(facts);
    }
  }
  model.vocabularies = vocabularyUses(imports, usedForms);
  return model;
}

/** The site with what its place accepts, when the context knows it narrower than both. */
function withAccepts(site: StatusSite, ctx: StatusContext | undefined): StatusSite {
  if (ctx?.accepts) site.accepts = ctx.accepts;
  return site;
}

function responseOf(f: Found, input: JavaResponseInput, returns: Node[]): ResponseFacts | undefined {
  if (f.helper) {
    if (!f.call) return { span: f.site.span, headers: [], edits: {}, helper: f.helper.helper };
    return builderResponse(f.call, f.site, f.helper, input);
  }
  const carrier = f.ctx?.carrier;
  if (!carrier) return undefined;
  if (carrier.type === 'annotation') return annotationResponse(carrier, f.site, input, returns);
  const { name, args } = callParts(carrier);
  if (carrier.type === 'object_creation_expression') {
    if (name === 'ResponseEntity') return constructorResponse(carrier, f.site, input);
    return statusOnlyResponse(carrier, f.site, input.text);
  }
  if (name === 'status') return builderResponse(carrier, f.site, undefined, input);
  if (name === 'setStatus' || name === 'sendError' || name === 'setStatusCode') return servletResponse(carrier, f.site, input);
  if (name === 'forStatus' || name === 'forStatusAndDetail') return statusOnlyResponse(carrier, f.site, input.text, carrier);
  return args.length ? statusOnlyResponse(carrier, f.site, input.text) : undefined;
}

export const javaAdapter: LanguageAdapter = {
  id: 'java',
  languageIds: ['java'],
  grammarFor: () => 'java',
  extract,
  slotAt: (input, offset) => (input.tree ? withAncestry(input.tree, () => javaSlotAt(input, offset)) : javaSlotAt(input, offset)),
  importEdit: (input, vocabulary) => importEdit(input.text, input.tree, vocabulary),
};
