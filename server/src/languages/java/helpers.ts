// The static factories that fix a status without writing it: `ResponseEntity.ok(x)`,
// `ResponseEntity.notFound()`, JAX-RS `Response.created(uri)`, WebFlux `ServerResponse.noContent()`.
// Each is reported as an implicit site on the method name, so hovering `notFound` explains 404.
import type { Node } from '../../parsing/treeSitter';
import { lastSegment } from './nodes';

const SPRING: Record<string, number> = {
  ok: 200, created: 201, accepted: 202, noContent: 204, badRequest: 400, notFound: 404, unprocessableEntity: 422, internalServerError: 500,
};
const JAXRS: Record<string, number> = {
  ok: 200, created: 201, accepted: 202, noContent: 204, seeOther: 303, notModified: 304, temporaryRedirect: 307, notAcceptable: 406, serverError: 500,
};
const WEBFLUX: Record<string, number> = {
  ok: 200, created: 201, accepted: 202, noContent: 204, seeOther: 303, temporaryRedirect: 307, permanentRedirect: 308, badRequest: 400, notFound: 404, unprocessableEntity: 422,
};
const TABLES: Record<string, Record<string, number>> = { ResponseEntity: SPRING, Response: JAXRS, ServerResponse: WEBFLUX };
/** Every factory name, to turn most calls away before reading their receiver. */
export const HELPER_NAMES = new Set([...Object.keys(SPRING), ...Object.keys(JAXRS), ...Object.keys(WEBFLUX)]);

export interface HelperCall {
  code: number;
  /** `created` when the factory sets Location itself, `redirect` for the redirect factories. */
  helper?: string;
  /** `ResponseEntity`, `Response` or `ServerResponse`. */
  owner: string;
  name: string;
  /** The method-name identifier: the site's span. */
  nameNode: Node;
}

/** The helper a method invocation (or method reference, `ResponseEntity::ok`) calls, if it is one. */
export function helperOf(node: Node): HelperCall | undefined {
  let owner: string | undefined;
  let nameNode: Node | null = null;
  if (node.type === 'method_invocation') {
    nameNode = node.childForFieldName('name');
    if (!nameNode || !HELPER_NAMES.has(nameNode.text)) return undefined;
    const object = node.childForFieldName('object');
    if (!object) return undefined;
    owner = lastSegment(object.text);
  } else if (node.type === 'method_reference') {
    owner = lastSegment(node.namedChild(0)?.text ?? '');
    nameNode = node.namedChild(node.namedChildCount - 1);
  }
  const table = owner ? TABLES[owner] : undefined;
  if (!table || !nameNode || !owner) return undefined;
  const name = nameNode.text;
  const code = Object.prototype.hasOwnProperty.call(table, name) ? table[name] : undefined;
  if (code === undefined) return undefined;
  const helper = name === 'created' ? 'created' : /Redirect$|^seeOther$/.test(name) ? 'redirect' : undefined;
  return { code, helper, owner, name, nameNode };
}
