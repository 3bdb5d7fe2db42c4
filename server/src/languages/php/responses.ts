// A response in PHP: the call that sets its status, what it sends (body, headers from its
// arguments, a `->header()` chain, `$response->headers->set()` or `header('X: y')` statements),
// and the edits that change it in the framework's own way.
import type { Node } from '../../parsing/treeSitter';
import type { BranchFact, HeaderFact, OffsetEdit, ResponseFacts } from '../../model';
import { spanOf } from '../syntax';
import { bodyFacts } from './bodies';
import { redactEdits } from './redact';
import { EXCEPTION_CLASSES, type CallSpec } from './contexts';
import { addElement, appendArgs, echoAfter, statementInsert } from './insertions';
import { argAt, argName, argumentNodes, arrayPairs, callParts, stringValue } from './syntax';
import { parentOf, typeOf } from '../parents';
import { upTo } from '../ancestry';
import { reachesLater, type FlowSyntax } from '../reaches';

/** A statement that sets headers apart from the response expression. Offsets (they are compared often), and the node of a plain `header()` for the flow question. */
export interface HeaderStatement {
  /** `$response` in `$response->headers->set(...)`; undefined for plain `header('X: y')`. */
  variable?: string;
  /** The block a plain `header()` call sits in: it applies to responses inside that block. */
  container?: { start: number; end: number; id: number };
  /** The plain `header()` call: one in an earlier `if` or block that falls through applies too. */
  node?: Node;
  start: number;
  headers: HeaderFact[];
  /** It sets headers the adapter cannot name (`$response->headers->add($extra)`). */
  unknown?: boolean;
}

/** `$response = new JsonResponse(...)`: a response built into a variable, changed later. */
export interface Creation {
  variable: string;
  call: Node;
  spec: CallSpec;
}

export interface PhpDocument {
  text: string;
  quote: string;
  /** Keyed by the id of the enclosing function (undefined: the file's top level). */
  headerStatements: ByFunction<HeaderStatement>;
  creations: ByFunction<Creation>;
  /** How a new status is written here: a number, or `Response::HTTP_*` when the file uses those. */
  statusLiteral(code: number): string;
}

/** Statements grouped by the id of their enclosing function. */
export class ByFunction<T> {
  private readonly map = new Map<number | undefined, T[]>();
  add(fnId: number | undefined, item: T): void {
    const list = this.map.get(fnId);
    if (list) list.push(item);
    else this.map.set(fnId, [item]);
  }
  get(fnId: number | undefined): readonly T[] {
    return this.map.get(fnId) ?? [];
  }
}

export interface ResponseInput {
  carrier: Node;
  spec?: CallSpec;
  fn?: Node;
  branch?: BranchFact;
  /** The status when the call does not write one. */
  implicitStatus?: number;
}

// `setHeader`/`setHeaders` also on FOSRest's View and CodeIgniter's response; `setLocation` and
// `setRoute` on a View, which then answers with that Location.
const CHAIN_HEADERS = new Set(['header', 'withHeader', 'withAddedHeader', 'withHeaders', 'withCookie', 'setHeader', 'setHeaders', 'setLocation', 'setRoute']);
/** Links whose argument is an array of headers; those whose argument is the Location itself. */
const HEADER_ARRAYS = new Set(['withHeaders', 'setHeaders']);
const LOCATION_SETTERS = new Set(['setLocation', 'setRoute']);
const MEMBER_CALLS = new Set(['member_call_expression', 'nullsafe_member_call_expression']);

/** The headers a chain link sets (`->header('X', v)`, `->withHeader(...)`), and whether some are unnamed. */
function linkHeaders(link: ReturnType<typeof callParts>): { headers: HeaderFact[]; unknown: boolean } | undefined {
  if (!link || !CHAIN_HEADERS.has(link.name)) return undefined;
  const args = argumentNodes(link);
  const first = args[0]?.lastNamedChild ?? undefined;
  if (LOCATION_SETTERS.has(link.name)) return { headers: args.length ? [{ name: 'location', span: spanOf(args[0]) }] : [], unknown: false };
  return { headers: headersOfCall(link.name, args), unknown: HEADER_ARRAYS.has(link.name) ? !isLiteralArray(first) : !stringValue(first) };
}

/**
 * Headers set by the links before `call` in its chain, and the variable the chain starts from:
 * PSR-7 code writes `$response->withHeader('Location', $url)->withStatus(201)`.
 */
export function chainBefore(call: Node, withSelf = false): { headers: HeaderFact[]; unknown: boolean; root?: string } {
  const out = { headers: [] as HeaderFact[], unknown: false, root: undefined as string | undefined };
  let inner = !MEMBER_CALLS.has(typeOf(call)) ? null : withSelf ? call : call.childForFieldName('object');
  for (let i = 0; inner && MEMBER_CALLS.has(typeOf(inner)) && i < 50; i++) {
    const found = linkHeaders(callParts(inner));
    if (found) {
      out.headers.push(...found.headers);
      out.unknown ||= found.unknown;
    }
    inner = inner.childForFieldName('object');
  }
  if (inner && typeOf(inner) === 'variable_name') out.root = inner.text;
  return out;
}

export function responseFor(doc: PhpDocument, input: ResponseInput): ResponseFacts {
  const { carrier, spec, branch } = input;
  const caught = branch?.kind === 'catch' ? branch.errorName : undefined;
  const facts: ResponseFacts = { span: spanOf(carrier), headers: [], branch, helper: spec?.helper, edits: {} };
  const parts = callParts(carrier);
  const args = parts ? argumentNodes(parts) : [];
  const q = (s: string) => `${doc.quote}${s.replace(/\\/g, '\\\\').replace(new RegExp(doc.quote, 'g'), `\\${doc.quote}`)}${doc.quote}`;
  const pair = (n: string, v: string) => `${q(n)} => ${q(v)}`;
  const named = args.some((a) => argName(a));
  const fnId = input.fn?.id;

  // The chain the call continues into: response()->json(...)->header('X', 'y').
  let outer = carrier;
  for (let up = parentOf(outer); up && (typeOf(up) === 'member_call_expression' || typeOf(up) === 'nullsafe_member_call_expression') && up.childForFieldName('object')?.id === outer.id; up = parentOf(outer)) {
    outer = up;
    const found = linkHeaders(callParts(outer));
    if (found) {
      facts.headers.push(...found.headers);
      if (found.unknown) facts.headersUnknown = true;
    }
  }
  facts.span = spanOf(outer);
  const holder = parentOf(outer);
  const assigned = holder && typeOf(holder) === 'assignment_expression' ? holder.childForFieldName('left')?.text : undefined;

  if (!spec) {
    // A Symfony HttpException subclass: the class fixes the code and some set a header.
    const known = parts && EXCEPTION_CLASSES[parts.name];
    if (known?.header && args.length) facts.headers.push({ name: known.header, span: spanOf(args[0]) });
    return facts;
  }
  const bodyNode = spec.body ? argAt(args, ...spec.body) : undefined;
  const headersNode = spec.headers ? argAt(args, ...spec.headers) : undefined;
  facts.body = bodyFacts(bodyNode, caught);
  const json = parts?.name === 'json' || parts?.name === 'jsonp' || parts?.name === 'JsonResponse';
  const laravel = spec.style === 'laravel' || spec.style === 'abort';
  if (bodyNode && facts.body) facts.edits.redactBody = (m) => redactEdits(doc.text, bodyNode, carrier, m, caught, q, json, laravel);
  // No content at all: response()->noContent(), new Response(), response('', 204).
  if (spec.body && !json && (!bodyNode || isEmpty(bodyNode)) && (parts?.kind === 'new' || args.length)) facts.noBody = true;
  if (parts?.name === 'noContent') facts.noBody = true;
  if (headersNode && !isLiteralArray(headersNode)) facts.headersUnknown = true;
  facts.headers.push(...arrayKeys(headersNode));
  if (assigned) facts.headers.push(...statementHeaders(doc, fnId, assigned));

  const addToArray = (n: string, v: string): OffsetEdit[] | undefined => {
    if (headersNode && typeOf(headersNode) === 'array_creation_expression') return addElement(headersNode, pair(n, v));
    if (headersNode || !spec.headers) return undefined;
    const [hIndex] = spec.headers;
    if (named) return appendArgs(carrier, `headers: [${pair(n, v)}]`);
    if (args.length === hIndex) return appendArgs(carrier, `[${pair(n, v)}]`);
    if (args.length === hIndex - 1 && spec.style === 'abort') return appendArgs(carrier, `${q('')}, [${pair(n, v)}]`);
    if (args.length === hIndex - 1 && spec.status[0] === hIndex - 1 && input.implicitStatus) return appendArgs(carrier, `${doc.statusLiteral(input.implicitStatus)}, [${pair(n, v)}]`);
    return undefined;
  };

  switch (spec.style) {
    case 'laravel':
      facts.edits.addHeader = (n, v) => [{ start: outer.endIndex, end: outer.endIndex, newText: `->header(${q(n)}, ${q(v)})` }];
      if (parts?.name === 'json' && parts.nameNode && spec.body) {
        const status = argAt(args, ...spec.status);
        if (status) facts.edits.dropBody = () => [{ start: parts.nameNode!.startIndex, end: carrier.endIndex, newText: `noContent(${status.text}${headersNode ? `, ${headersNode.text}` : ''})` }];
      } else if (bodyNode) {
        facts.edits.dropBody = () => [{ start: bodyNode.startIndex, end: bodyNode.endIndex, newText: q('') }];
      }
      break;
    case 'abort':
    case 'exception':
      facts.edits.addHeader = addToArray;
      break;
    case 'symfony':
      facts.edits.addHeader = addToArray;
      if (bodyNode && parts?.kind === 'new') facts.edits.dropBody = () => [{ start: bodyNode.startIndex, end: bodyNode.endIndex, newText: 'null' }];
      break;
    case 'setter': {
      // $response->setStatusCode(409): the body and headers come from where $response was built.
      const variable = parts?.object?.type === 'variable_name' ? parts.object.text : undefined;
      if (variable) {
        const at = carrier.startIndex;
        const made = doc.creations.get(fnId).filter((c) => c.variable === variable && c.call.startIndex < at).pop();
        if (made) {
          const madeArgs = argumentNodes(made.call);
          facts.body = bodyFacts(made.spec.body ? argAt(madeArgs, ...made.spec.body) : undefined, caught);
          const madeHeaders = made.spec.headers ? argAt(madeArgs, ...made.spec.headers) : undefined;
          facts.headers.push(...arrayKeys(madeHeaders));
          if (madeHeaders && !isLiteralArray(madeHeaders)) facts.headersUnknown = true;
          const madeBody = made.spec.body ? argAt(madeArgs, ...made.spec.body) : undefined;
          if (made.call.type === 'object_creation_expression' && callParts(made.call)?.name !== 'JsonResponse' && (!madeBody || isEmpty(madeBody))) facts.noBody = true;
        }
        facts.headers.push(...statementHeaders(doc, fnId, variable));
        if (doc.headerStatements.get(fnId).some((h) => h.variable === variable && h.unknown)) facts.headersUnknown = true;
        facts.edits.addHeader = (n, v) => statementInsert(doc.text, carrier, `${variable}->headers->set(${q(n)}, ${q(v)});`, true);
      }
      break;
    }
    case 'psr': {
      const before = chainBefore(carrier);
      facts.headers.push(...before.headers);
      if (before.unknown) facts.headersUnknown = true;
      // $response = $response->withHeader(...); return $response->withStatus(201);
      if (before.root) facts.headers.push(...statementHeaders(doc, fnId, before.root));
      if (before.root && doc.headerStatements.get(fnId).some((h) => h.variable === before.root && h.unknown)) facts.headersUnknown = true;
      facts.edits.addHeader = (n, v) => [{ start: outer.endIndex, end: outer.endIndex, newText: `->withHeader(${q(n)}, ${q(v)})` }];
      break;
    }
    case 'plain': {
      facts.headers.push(...statementHeaders(doc, fnId, undefined, carrier));
      // Plain PHP sends what the next statements echo.
      const echoed = echoAfter(carrier);
      if (echoed) facts.body = bodyFacts(echoed, caught);
      if (echoed && facts.body) facts.edits.redactBody = (m) => redactEdits(doc.text, echoed, echoed, m, caught, q, typeOf(echoed) === 'array_creation_expression', false);
      facts.edits.addHeader = (n, v) => statementInsert(doc.text, carrier, `header(${q(`${n}: ${v}`)});`, false);
      break;
    }
    default:
      break;
  }
  if (bodyNode && spec.style !== 'setter') facts.edits.replaceBody = (t) => [{ start: bodyNode.startIndex, end: bodyNode.endIndex, newText: t }];
  return facts;
}

function headersOfCall(name: string, args: Node[]): HeaderFact[] {
  const first = args[0]?.lastNamedChild ?? undefined;
  if (HEADER_ARRAYS.has(name)) return arrayKeys(first);
  const key = stringValue(first);
  return key && name !== 'withCookie' ? [{ name: key.toLowerCase(), span: spanOf(first!) }] : name === 'withCookie' ? [{ name: 'set-cookie', span: spanOf(args[0]) }] : [];
}

function isEmpty(n: Node): boolean {
  return typeOf(n) === 'null' || /^(''|"")$/.test(n.text);
}

/** An array literal whose keys are all plain strings (no spreads, no computed keys). */
function isLiteralArray(n: Node | undefined): boolean {
  if (!n || typeOf(n) !== 'array_creation_expression') return false;
  return arrayPairs(n).every((p) => p.key && stringValue(p.key) !== undefined);
}

function arrayKeys(array: Node | undefined): HeaderFact[] {
  const out: HeaderFact[] = [];
  for (const { key } of arrayPairs(array)) {
    const k = stringValue(key);
    if (k && key) out.push({ name: k.toLowerCase(), span: spanOf(key) });
  }
  return out;
}

const PHP_FLOW: FlowSyntax = {
  blocks: new Set(['compound_statement', 'colon_block', 'program', 'case_statement', 'default_statement']),
  exits: new Set(['return_statement', 'exit_statement']),
  // `throw new E();`, `die();` / `exit();` as calls.
  exitsBy: (s) => s.type === 'expression_statement' && /^(throw\b|(die|exit)\s*\()/i.test(s.text),
  functions: new Set(['function_definition', 'method_declaration', 'anonymous_function', 'arrow_function', 'class_declaration']),
};

/**
 * Headers set by separate statements of the same function. A plain `header()` applies when it
 * comes earlier in a block around the response, or in an earlier `if` or block that falls
 * through to it (not one that returns, throws or exits first, nor the other branch), or later in
 * the response's own block.
 */
function statementHeaders(doc: PhpDocument, fnId: number | undefined, variable: string | undefined, at?: Node): HeaderFact[] {
  const list = doc.headerStatements.get(fnId);
  if (!list.length) return [];
  const own = at && blockOf(at);
  const start = at?.startIndex ?? 0;
  const end = at?.endIndex ?? 0;
  return list
    .filter((h) => {
      if (h.variable !== variable) return false;
      if (!at || !h.container) return true;
      const around = h.container.start <= start && end <= h.container.end;
      if (around) return h.start < start || h.container.id === own?.id;
      return h.start < start && !!h.node && reachesLater(h.node, at, PHP_FLOW);
    })
    .flatMap((h) => h.headers);
}

/** The block (or the file) a statement sits in. */
export function blockOf(node: Node): Node | undefined {
  const t = (n: Node) => typeOf(n);
  return upTo('php.block', parentOf(node), (n) => (t(n) === 'compound_statement' || t(n) === 'colon_block' || t(n) === 'program' ? n : undefined), undefined, parentOf);
}
