// C# responses made by one expression: controller helpers (`Conflict(x)`, `CreatedAtAction(...)`),
// `StatusCode(409, x)`, minimal API results (`Results.Json(x, statusCode: 409)`, `Results.NotFound()`),
// and `new ObjectResult(x) { StatusCode = 409 }`; with body, headers and edits in ASP.NET's own way.
import type { Node } from '../../parsing/treeSitter';
import type { OffsetEdit, ResponseFacts, StatusSite } from '../../model';
import { spanOf } from '../syntax';
import { statusEdit } from '../edits';
import { bodyFacts } from './bodies';
import { branchOf } from './branches';
import { headerLineBefore, seeHeaders, type CsResponseInput } from './headers';
import type { HelperCall } from './helpers';
import { callParts, lastSegment, type Arg } from './nodes';

function newFacts(carrier: Node): ResponseFacts {
  return { span: spanOf(carrier), headers: [], branch: branchOf(carrier), edits: {} };
}

function caught(facts: ResponseFacts): string | undefined {
  return facts.branch?.kind === 'catch' ? facts.branch.errorName : undefined;
}

/** Helpers that take no argument in controllers and in Results alike, by the code they answer. */
const NO_BODY_HELPERS: Record<number, string> = { 200: 'Ok', 204: 'NoContent', 400: 'BadRequest', 401: 'Unauthorized', 404: 'NotFound', 409: 'Conflict', 422: 'UnprocessableEntity' };

const SINGLE_BODY = new Set(['Ok', 'BadRequest', 'Conflict', 'NotFound', 'UnprocessableEntity', 'Unauthorized']);

/** The argument a helper sends as the body, if any. */
function helperBody(helper: HelperCall, args: Arg[]): Arg | undefined {
  const positional = args.filter((a) => !a.name);
  if (SINGLE_BODY.has(helper.name)) return positional[0];
  if (helper.name === 'Created' || (helper.owner && helper.name === 'Accepted')) return positional[1];
  if (helper.name === 'Accepted') return positional.length === 2 ? positional[1] : positional[0] && !/^(string_literal|interpolated_string_expression)$/.test(positional[0].value.type) ? positional[0] : undefined;
  if (/^(CreatedAt|AcceptedAt)/.test(helper.name)) return helper.owner ? positional[2] : positional.length >= 2 ? positional[positional.length - 1] : undefined;
  return undefined;
}

function bodyEdits(facts: ResponseFacts, body: Arg | undefined, dropAll: boolean, list: Node | null): void {
  if (!body || body.value.type === 'null_literal') return;
  facts.edits.replaceBody = (t) => [{ start: body.value.startIndex, end: body.value.endIndex, newText: t }];
  if (dropAll && list) facts.edits.dropBody = () => [{ start: list.startIndex, end: list.endIndex, newText: '()' }];
  else facts.edits.dropBody = () => [{ start: body.value.startIndex, end: body.value.endIndex, newText: 'null' }];
}

/** `Ok(x)`, `NotFound()`, `Results.Conflict(x)`, `CreatedAtAction(...)`, `Problem()`. */
export function helperResponse(call: Node, helper: HelperCall, input: CsResponseInput): ResponseFacts {
  const { text } = input;
  const facts = newFacts(call);
  const { args, receiver } = callParts(call);
  const body = helperBody(helper, args);
  const problem = helper.name === 'Problem' || helper.name === 'ValidationProblem';
  facts.body = problem ? bodyFacts(call, caught(facts)) : bodyFacts(body?.value, caught(facts));
  if (helper.helper) facts.helper = helper.helper;
  if (helper.helper === 'created') facts.headers.push({ name: 'location', span: spanOf(helper.name === 'Created' ? args[0].value : helper.nameNode) });
  const typed = helper.owner === 'TypedResults';
  // Typed results change the declared result type when the helper changes: leave those alone.
  if (!typed && !problem) bodyEdits(facts, body, SINGLE_BODY.has(helper.name), call.childForFieldName('arguments'));
  else if (typed && body) facts.edits.replaceBody = (t) => [{ start: body.value.startIndex, end: body.value.endIndex, newText: t }];
  const bodyText = body ? text.slice(body.value.startIndex, body.value.endIndex) : undefined;
  // `Ok()` and `Results.Ok()` answer with an empty body (a null value, `Ok(null)`, is turned into a 204 by ASP.NET itself).
  if (helper.name === 'Ok' && !args.length) facts.noBody = true;
  facts.edits.setStatus = (code): OffsetEdit[] | undefined => {
    if (problem) {
      const list = call.childForFieldName('arguments');
      if (!list) return undefined;
      return [{ start: list.endIndex - 1, end: list.endIndex - 1, newText: `${args.length ? ', ' : ''}statusCode: ${code}` }];
    }
    if (typed) return undefined;
    const owner = receiver ? text.slice(receiver.startIndex, receiver.endIndex) : helper.owner;
    // With no body, the helper named for the code when there is one: `Ok()` becomes `NoContent()`.
    const named = !bodyText && !args.length ? NO_BODY_HELPERS[code] : undefined;
    if (named) return [{ start: call.startIndex, end: call.endIndex, newText: owner ? `${owner}.${named}()` : `${named}()` }];
    if (!helper.owner) return [{ start: call.startIndex, end: call.endIndex, newText: bodyText ? `StatusCode(${code}, ${bodyText})` : `StatusCode(${code})` }];
    return [{ start: call.startIndex, end: call.endIndex, newText: bodyText ? `${owner}.Json(${bodyText}, statusCode: ${code})` : `${owner}.StatusCode(${code})` }];
  };
  const target = seeHeaders(facts, input, call);
  facts.edits.addHeader = (n, v) => headerLineBefore(text, call, target, n, v);
  return facts;
}

/** `StatusCode(409, x)`, `Results.StatusCode(418)`, `Results.Json(x, statusCode: 409)`, `Problem(statusCode: 409)`. */
export function statusCallResponse(call: Node, site: StatusSite, input: CsResponseInput): ResponseFacts {
  const { text } = input;
  const facts = newFacts(call);
  const { name, args, receiver } = callParts(call);
  const positional = args.filter((a) => !a.name);
  facts.edits.setStatus = (code) => statusEdit(site, code, text);
  if (name === 'Problem' || name === 'ValidationProblem') {
    facts.body = bodyFacts(call, caught(facts));
  } else if (name === 'StatusCode') {
    // Controller StatusCode(409, value); Results.StatusCode takes no body.
    const body = !receiver ? positional[1] : undefined;
    facts.body = bodyFacts(body?.value, caught(facts));
    if (args.length === 1) facts.noBody = true;
    if (body) {
      facts.edits.replaceBody = (t) => [{ start: body.value.startIndex, end: body.value.endIndex, newText: t }];
      facts.edits.dropBody = () => [{ start: positional[0].node.endIndex, end: body.node.endIndex, newText: '' }];
    }
  } else if (/^(Json|Text|Content|Bytes)$/.test(name ?? '') && positional[0]) {
    facts.body = bodyFacts(positional[0].value, caught(facts));
    bodyEdits(facts, positional[0], false, null);
    if (name !== 'Json' || lastSegment(receiver?.text ?? '') === 'TypedResults') facts.edits.dropBody = undefined;
  }
  const target = seeHeaders(facts, input, call);
  facts.edits.addHeader = (n, v) => headerLineBefore(text, call, target, n, v);
  return facts;
}

/** `new ObjectResult(x) { StatusCode = 409 }`, `new StatusCodeResult(409)`, `new ContentResult { ... }`. */
export function resultObjectResponse(creation: Node, site: StatusSite, input: CsResponseInput): ResponseFacts {
  const { text } = input;
  const facts = newFacts(creation);
  const { name, args } = callParts(creation);
  facts.edits.setStatus = (code) => statusEdit(site, code, text);
  if (name === 'ObjectResult' || name === 'JsonResult' || name === 'BadRequestObjectResult' || name === 'ConflictObjectResult') {
    facts.body = bodyFacts(args[0]?.value, caught(facts));
    bodyEdits(facts, args[0], false, null);
  } else if (name === 'ContentResult') {
    const init = creation.childForFieldName('initializer');
    for (let i = 0; init && i < init.namedChildCount; i++) {
      const a = init.namedChild(i);
      if (a?.type === 'assignment_expression' && a.childForFieldName('left')?.text === 'Content') {
        const v = a.childForFieldName('right') ?? undefined;
        facts.body = bodyFacts(v, caught(facts));
      }
    }
  }
  const target = seeHeaders(facts, input, creation);
  facts.edits.addHeader = (n, v) => headerLineBefore(text, creation, target, n, v);
  return facts;
}
