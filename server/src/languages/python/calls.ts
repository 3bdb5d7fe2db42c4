// Which argument of which call is an HTTP status, shared by the extraction (on parsed calls)
// and the completion slot (on half-typed text): abort(409), HTTPException(409),
// make_response(body, 409), JSONResponse(x, 409), `status_code=`, `status=`, `code=`,
// the route decorator's `status_code=`, and the unittest / Flask-Testing assertions.
import type { SiteRole } from '../../model';
import type { Frameworks } from './imports';

export interface CallShape {
  /** The callee's last name (`json_response`). */
  name: string;
  receiver?: string;
  full: string;
  /** True when the call is a decorator (`@app.post(...)`). */
  decorator: boolean;
}

export interface ArgumentPlace {
  keyword?: string;
  /** Index among positional arguments, when not a keyword argument. */
  index?: number;
  /** For assertEqual(a, b): is the other argument `x.status_code` (strong) or `x.status` (weak)? */
  other?: 'strong' | 'weak';
  otherText?: string;
}

export interface ArgumentRole {
  role: SiteRole;
  form: string;
  kind: 'call' | 'route' | 'other';
  weak?: boolean;
}

const ROUTE_VERBS = /^(get|post|put|patch|delete|head|options|route|api_route)$/;
/** Starlette/FastAPI, Flask and DRF response classes whose second positional argument is the status. */
const POSITIONAL_STATUS = new Set(['Response', 'JSONResponse', 'HTMLResponse', 'PlainTextResponse', 'ORJSONResponse', 'UJSONResponse', 'StreamingResponse', 'FileResponse', 'RedirectResponse']);
const ASSERT_EQUAL = new Set(['assertEqual', 'assertEquals', 'assertNotEqual', 'assertNotEquals', 'assert_equal', 'assert_equals']);

/** The role of an argument of a call, when that argument is where a status goes. */
export function statusArgument(call: CallShape, arg: ArgumentPlace, fw: Frameworks): ArgumentRole | undefined {
  const { name, receiver, full } = call;
  const key = arg.keyword;
  if (key !== undefined) {
    if (/^assert/.test(name) && (key === 'status_code' || key === 'target_status_code')) return { role: 'assertion', form: `${name}(${key}=)`, kind: 'other' };
    if (key === 'status_code') {
      if (call.decorator && ROUTE_VERBS.test(name)) return { role: 'response', form: `@${full}(status_code=)`, kind: 'route' };
      if (/(Response|Exception|Error)$/.test(name)) return { role: 'response', form: `${name}(status_code=)`, kind: 'call' };
      return undefined;
    }
    if (key === 'status' && (/Response$/.test(name) || /^(json_response|render|render_to_response)$/.test(name))) {
      return { role: 'response', form: `${receiver === 'web' ? 'web.' : ''}${name}(status=)`, kind: 'call' };
    }
    if (key === 'code' && (name === 'redirect' || name === 'abort') && fw.flask) return { role: 'response', form: `${name}(code=)`, kind: 'call' };
    return undefined;
  }
  const index = arg.index;
  if (index === undefined) return undefined;
  if (name === 'abort' && index === 0) return { role: 'response', form: 'abort()', kind: 'call' };
  if ((name === 'HTTPException' || name === 'StarletteHTTPException') && index === 0) return { role: 'response', form: `${name}()`, kind: 'call' };
  if (name === 'make_response' && index === 1) return { role: 'response', form: 'make_response()', kind: 'call' };
  if (POSITIONAL_STATUS.has(name) && index === 1 && receiver !== 'web') return { role: 'response', form: `${name}()`, kind: 'call' };
  if (name === 'redirect' && index === 1 && fw.flask) return { role: 'response', form: 'redirect()', kind: 'call' };
  if (ASSERT_EQUAL.has(name) && index <= 1 && arg.other) return { role: 'assertion', form: `${name}(${arg.otherText ?? ''}, )`, kind: 'other', weak: arg.other === 'weak' };
  if ((name === 'assertStatus' || name === 'assert_status') && index === 1) return { role: 'assertion', form: `${name}()`, kind: 'other' };
  if ((name === 'errorhandler' || name === 'register_error_handler' || name === 'app_errorhandler') && index === 0) return { role: 'reference', form: `${name}()`, kind: 'other' };
  if (name === 'HTTPStatus' && index === 0) return { role: 'reference', form: 'HTTPStatus()', kind: 'other' };
  return undefined;
}

/** `x.status_code` / `x.status_int` (strong) or `x.status` (weak), from text. */
export function statusAttrText(text: string): 'strong' | 'weak' | undefined {
  const m = /\.(status_code|status_int|status)\s*$/.exec(text);
  if (!m) return undefined;
  return m[1] === 'status' ? 'weak' : 'strong';
}
