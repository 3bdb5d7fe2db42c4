// Where a value in PHP is an HTTP status: Laravel (`response()->json($d, 409)`, `abort(403)`,
// `redirect($u, 301)`), Symfony (`new JsonResponse($d, 409)`, `$this->json($d, 201)`,
// `new HttpException(409)`), FOSRestBundle views (`$this->view($d, 409)`), plain PHP (`http_response_code(409)`), PSR-7 `withStatus()`, and
// the PHPUnit / Laravel / Pest assertions. Each call form says which argument is the status,
// the body and the headers, so the response reader and the completion slot share one table.
import type { Node } from '../../parsing/treeSitter';
import type { SiteRole } from '../../model';
import { argSlot, argValue, argumentNodes, callParts, isStatusReader, lastSegment, type CallParts } from './syntax';
import { parentOf, typeOf } from '../parents';

export type Style = 'laravel' | 'symfony' | 'abort' | 'plain' | 'setter' | 'psr' | 'exception' | 'assert';

export interface CallSpec {
  form: string;
  role: SiteRole;
  style: Style;
  status: [index: number, name: string];
  body?: [index: number, name: string];
  headers?: [index: number, name: string];
  helper?: string;
  /** The status when none is written, where it is not the style's default (200, or 302 for a redirect helper). */
  implied?: number;
}

const spec = (form: string, style: Style, status: [number, string], rest: Partial<CallSpec> = {}): CallSpec => ({ form, role: style === 'assert' ? 'assertion' : 'response', style, status, ...rest });

const FUNCTIONS: Record<string, CallSpec> = {
  abort: spec('abort()', 'abort', [0, 'code'], { headers: [2, 'headers'] }),
  abort_if: spec('abort_if()', 'abort', [1, 'code'], { headers: [3, 'headers'] }),
  abort_unless: spec('abort_unless()', 'abort', [1, 'code'], { headers: [3, 'headers'] }),
  response: spec('response()', 'laravel', [1, 'status'], { body: [0, 'content'], headers: [2, 'headers'] }),
  redirect: spec('redirect()', 'laravel', [1, 'status'], { headers: [2, 'headers'], helper: 'redirect' }),
  back: spec('back()', 'laravel', [0, 'status'], { headers: [1, 'headers'], helper: 'redirect' }),
  to_route: spec('to_route()', 'laravel', [2, 'status'], { headers: [3, 'headers'], helper: 'redirect' }),
  http_response_code: spec('http_response_code()', 'plain', [0, 'response_code']),
  header: spec('header()', 'plain', [2, 'response_code']),
};

/** Laravel's response factory: `response()->json(...)`, `Response::json(...)`. */
const FACTORY: Record<string, CallSpec> = {
  json: spec('response()->json()', 'laravel', [1, 'status'], { body: [0, 'data'], headers: [2, 'headers'] }),
  make: spec('response()->make()', 'laravel', [1, 'status'], { body: [0, 'content'], headers: [2, 'headers'] }),
  noContent: spec('response()->noContent()', 'laravel', [0, 'status'], { headers: [1, 'headers'] }),
  view: spec('response()->view()', 'laravel', [2, 'status'], { headers: [3, 'headers'] }),
  jsonp: spec('response()->jsonp()', 'laravel', [2, 'status'], { body: [1, 'data'], headers: [3, 'headers'] }),
  stream: spec('response()->stream()', 'laravel', [1, 'status'], { headers: [2, 'headers'] }),
  streamJson: spec('response()->streamJson()', 'laravel', [1, 'status'], { headers: [2, 'headers'] }),
  redirectTo: spec('response()->redirectTo()', 'laravel', [1, 'status'], { headers: [2, 'headers'], helper: 'redirect' }),
};

/** Laravel's redirector: `redirect()->route(...)`, `Redirect::to(...)`. */
const REDIRECTOR: Record<string, CallSpec> = {
  to: spec('redirect()->to()', 'laravel', [1, 'status'], { headers: [2, 'headers'], helper: 'redirect' }),
  away: spec('redirect()->away()', 'laravel', [1, 'status'], { headers: [2, 'headers'], helper: 'redirect' }),
  intended: spec('redirect()->intended()', 'laravel', [1, 'status'], { headers: [2, 'headers'], helper: 'redirect' }),
  guest: spec('redirect()->guest()', 'laravel', [1, 'status'], { headers: [2, 'headers'], helper: 'redirect' }),
  route: spec('redirect()->route()', 'laravel', [2, 'status'], { headers: [3, 'headers'], helper: 'redirect' }),
  action: spec('redirect()->action()', 'laravel', [2, 'status'], { headers: [3, 'headers'], helper: 'redirect' }),
  back: spec('redirect()->back()', 'laravel', [0, 'status'], { headers: [1, 'headers'], helper: 'redirect' }),
  refresh: spec('redirect()->refresh()', 'laravel', [0, 'status'], { headers: [1, 'headers'], helper: 'redirect' }),
};

/** Symfony's AbstractController helpers on `$this`. */
const CONTROLLER: Record<string, CallSpec> = {
  json: spec('$this->json()', 'symfony', [1, 'status'], { body: [0, 'data'], headers: [2, 'headers'] }),
  redirect: spec('$this->redirect()', 'symfony', [1, 'status'], { helper: 'redirect' }),
  redirectToRoute: spec('$this->redirectToRoute()', 'symfony', [2, 'status'], { helper: 'redirect' }),
};

/**
 * FOSRestBundle's views: `$this->view($data, 401, $headers)` (AbstractFOSRestController and its
 * ControllerTrait), `View::create(...)` and `new View(...)`; the redirect views set Location from
 * the URL or route they are given (routeRedirectView answers 201 when no status is written).
 */
const FOS_VIEW = spec('View::create()', 'symfony', [1, 'statusCode'], { body: [0, 'data'], headers: [2, 'headers'] });
const FOS_CONTROLLER: Record<string, CallSpec> = {
  view: spec('$this->view()', 'symfony', [1, 'statusCode'], { body: [0, 'data'], headers: [2, 'headers'] }),
  redirectView: spec('$this->redirectView()', 'symfony', [1, 'statusCode'], { headers: [2, 'headers'], helper: 'redirect' }),
  routeRedirectView: spec('$this->routeRedirectView()', 'symfony', [2, 'statusCode'], { headers: [3, 'headers'], helper: 'redirect', implied: 201 }),
};
const FOS_FACTORY: Record<string, CallSpec> = {
  create: FOS_VIEW,
  createRedirect: spec('View::createRedirect()', 'symfony', [1, 'statusCode'], { headers: [2, 'headers'], helper: 'redirect' }),
  createRouteRedirect: spec('View::createRouteRedirect()', 'symfony', [2, 'statusCode'], { headers: [3, 'headers'], helper: 'redirect' }),
};

/** Methods on any object. */
const METHODS: Record<string, CallSpec> = {
  setStatusCode: spec('->setStatusCode()', 'setter', [0, 'code']),
  withStatus: spec('->withStatus()', 'psr', [0, 'code']),
  assertStatus: spec('->assertStatus()', 'assert', [0, 'status']),
  assertNoContent: spec('->assertNoContent()', 'assert', [0, 'status']),
  assertResponseStatusCodeSame: spec('assertResponseStatusCodeSame()', 'assert', [0, 'expectedCode']),
};

const RESPONSE_CLASSES = new Set(['Response', 'JsonResponse', 'StreamedResponse', 'StreamedJsonResponse', 'BinaryFileResponse', 'IlluminateResponse', 'HttpResponse', 'SymfonyResponse']);
const REDIRECT_CLASSES = new Set(['RedirectResponse', 'TrustedRedirectResponse']);

/** The call form of a call, if it is one whose arguments include a status. Reads only text, so the slot can use it on half-typed code. */
export function specFor(parts: Pick<CallParts, 'kind' | 'name'> & { object?: { text: string } }): CallSpec | undefined {
  const { kind, name, object } = parts;
  if (kind === 'function') return FUNCTIONS[name];
  if (kind === 'new') {
    if (RESPONSE_CLASSES.has(name)) return spec(`new ${name}()`, 'symfony', [1, 'status'], { body: [0, name === 'JsonResponse' ? 'data' : 'content'], headers: [2, 'headers'] });
    if (REDIRECT_CLASSES.has(name)) return spec(`new ${name}()`, 'symfony', [1, 'status'], { headers: [2, 'headers'], helper: 'redirect' });
    if (name === 'View') return { ...FOS_VIEW, form: 'new View()' };
    if (name === 'HttpException') return spec('new HttpException()', 'exception', [0, 'statusCode'], { headers: [3, 'headers'] });
    return undefined;
  }
  const objText = object?.text ?? '';
  if (kind === 'scoped') {
    const scope = lastSegment(objText);
    if (scope === 'Response' && FACTORY[name]) return FACTORY[name];
    if (scope === 'Redirect' && REDIRECTOR[name]) return REDIRECTOR[name];
    if (scope === 'View' && FOS_FACTORY[name]) return FOS_FACTORY[name];
    if (/Response$/.test(scope) && (name === 'create' || name === 'fromJsonString')) return spec(`${scope}::${name}()`, 'symfony', [1, 'status'], { body: [0, 'data'], headers: [2, 'headers'] });
    if (name === 'assertResponseStatusCodeSame') return METHODS[name];
    return undefined;
  }
  if (/^\\?response\(\s*\)$/.test(objText) && FACTORY[name]) return FACTORY[name];
  if (/^\\?redirect\(\s*\)$/.test(objText) && REDIRECTOR[name]) return REDIRECTOR[name];
  if (objText === '$this' && CONTROLLER[name]) return CONTROLLER[name];
  if (objText === '$this' && FOS_CONTROLLER[name]) return FOS_CONTROLLER[name];
  return METHODS[name];
}

/** `response()` / `redirect()` with no arguments: the factory the chain continues on. */
export function isBareCall(node: Node, name: string): boolean {
  if (typeOf(node) !== 'function_call_expression') return false;
  const parts = callParts(node);
  return parts?.name === name && argumentNodes(parts).length === 0;
}

export interface StatusContext {
  role: SiteRole;
  form: string;
  carrier: Node;
  spec?: CallSpec;
}

const ASSERT_EQUAL = new Set(['assertEquals', 'assertSame', 'assertNotEquals', 'assertNotSame']);
const PEST_EQUAL = new Set(['toBe', 'toEqual', 'toBeOneOf']);

/** The status context of a value (an integer or a `Response::HTTP_*` constant), if any. */
export function contextOf(value: Node): StatusContext | undefined {
  const parent = parentOf(value);
  if (parent && typeOf(parent) === 'binary_expression') {
    const op = parent.childForFieldName('operator')?.text ?? '';
    if (!['==', '===', '!=', '!==', '<>'].includes(op)) return undefined;
    const left = parent.childForFieldName('left');
    const other = left?.id === value.id ? parent.childForFieldName('right') : left;
    return isStatusReader(other ?? undefined) ? { role: 'comparison', form: `${other!.text} ${op}`, carrier: parent } : undefined;
  }
  const slot = argSlot(value);
  if (!slot) return undefined;
  const parts = callParts(slot.call);
  if (!parts) return undefined;
  const s = specFor(parts);
  if (s && (slot.name ? slot.name === s.status[1] : slot.index === s.status[0])) {
    return { role: s.role, form: s.form, carrier: slot.call, spec: s };
  }
  const args = argumentNodes(parts);
  if (ASSERT_EQUAL.has(parts.name) && slot.index <= 1 && args.length >= 2 && isStatusReader(argValue(args[1 - slot.index]))) {
    return { role: 'assertion', form: `${parts.name}()`, carrier: slot.call };
  }
  // Pest: expect($response->status())->toBe(409)
  if (PEST_EQUAL.has(parts.name) && parts.kind === 'member' && slot.index === 0 && parts.object?.type === 'function_call_expression') {
    const inner = callParts(parts.object);
    if (inner?.name === 'expect' && isStatusReader(argValue(argumentNodes(inner)[0]))) return { role: 'assertion', form: `expect()->${parts.name}()`, carrier: slot.call };
  }
  return undefined;
}

/** Laravel's TestResponse assertions that fix a code by their name. */
export const ASSERT_METHODS: Record<string, number> = {
  assertOk: 200, assertCreated: 201, assertAccepted: 202, assertNoContent: 204, assertMovedPermanently: 301,
  assertFound: 302, assertNotModified: 304, assertTemporaryRedirect: 307, assertPermanentRedirect: 308,
  assertBadRequest: 400, assertUnauthorized: 401, assertPaymentRequired: 402, assertForbidden: 403,
  assertNotFound: 404, assertMethodNotAllowed: 405, assertNotAcceptable: 406, assertRequestTimeout: 408,
  assertConflict: 409, assertGone: 410, assertUnsupportedMediaType: 415, assertUnprocessable: 422,
  assertTooManyRequests: 429, assertInternalServerError: 500, assertServiceUnavailable: 503,
};

/** Symfony's HttpException subclasses, which fix a code by their class. */
export const EXCEPTION_CLASSES: Record<string, { code: number; header?: string }> = {
  BadRequestHttpException: { code: 400 },
  UnauthorizedHttpException: { code: 401, header: 'www-authenticate' },
  AccessDeniedHttpException: { code: 403 },
  NotFoundHttpException: { code: 404 },
  MethodNotAllowedHttpException: { code: 405, header: 'allow' },
  NotAcceptableHttpException: { code: 406 },
  ConflictHttpException: { code: 409 },
  GoneHttpException: { code: 410 },
  LengthRequiredHttpException: { code: 411 },
  PreconditionFailedHttpException: { code: 412 },
  UnsupportedMediaTypeHttpException: { code: 415 },
  UnprocessableEntityHttpException: { code: 422 },
  LockedHttpException: { code: 423 },
  PreconditionRequiredHttpException: { code: 428 },
  TooManyRequestsHttpException: { code: 429, header: 'retry-after' },
  ServiceUnavailableHttpException: { code: 503, header: 'retry-after' },
};
