// The rule table. Each id is the diagnostic's `code`, the key of its setting
// (`httpStatusHints.rules.<id>`) and the name of its docs page (docs/rules/<id>.md).
import { bodyNotAllowed } from './bodyNotAllowed';
import { createdWithoutLocation } from './createdWithoutLocation';
import { deprecatedCodeOrName } from './deprecatedCodeOrName';
import { errorBodyWithSuccess } from './errorBodyWithSuccess';
import { errorDetailsLeak } from './errorDetailsLeak';
import { methodNotAllowedWithoutAllow } from './methodNotAllowedWithoutAllow';
import { nonstandardCode } from './nonstandardCode';
import { openapiBodyNotAllowed } from './openapiBodyNotAllowed';
import { openapiInvalidResponseKey } from './openapiInvalidResponseKey';
import { openapiRetryWithoutRetryAfter } from './openapiRetryWithoutRetryAfter';
import { openapiUnauthorizedWithoutChallenge } from './openapiUnauthorizedWithoutChallenge';
import { openapiNoSuccessResponse } from './openapiNoSuccessResponse';
import { preferNamedConstant } from './preferNamedConstant';
import { redirectWithoutLocation } from './redirectWithoutLocation';
import { retryWithoutRetryAfter } from './retryWithoutRetryAfter';
import { serverErrorForClientFault } from './serverErrorForClientFault';
import { successCodeForMethod } from './successCodeForMethod';
import { teapotInProduction } from './teapotInProduction';
import { unauthorizedWithoutChallenge } from './unauthorizedWithoutChallenge';
import type { Rule } from './types';

/** Where the rule pages are published; the one place to change when the repository moves. */
export const DOCS_BASE_URL = 'https://github.com/http-status-hints/http-status-hints/blob/main/docs/rules/';

export const rules: readonly Rule[] = [
  nonstandardCode,
  errorBodyWithSuccess,
  bodyNotAllowed,
  createdWithoutLocation,
  unauthorizedWithoutChallenge,
  methodNotAllowedWithoutAllow,
  retryWithoutRetryAfter,
  redirectWithoutLocation,
  errorDetailsLeak,
  serverErrorForClientFault,
  successCodeForMethod,
  deprecatedCodeOrName,
  preferNamedConstant,
  teapotInProduction,
  openapiInvalidResponseKey,
  openapiBodyNotAllowed,
  openapiUnauthorizedWithoutChallenge,
  openapiNoSuccessResponse,
  openapiRetryWithoutRetryAfter,
];

const byId = new Map(rules.map((r) => [r.id, r]));

export function ruleById(id: string): Rule | undefined {
  return byId.get(id);
}

export function docsUrl(id: string): string {
  return `${DOCS_BASE_URL}${id}.md`;
}
