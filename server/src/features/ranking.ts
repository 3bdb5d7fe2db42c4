// Which codes fit where the cursor is: by the handler's method, the branch it sits in, and how
// often APIs send each code. Lower rank sorts first.
import type { StatusCodeInfo } from '../data';
import type { StatusSlot } from '../model';

/** The codes REST APIs send most, most common first. */
const COMMON = [200, 201, 204, 400, 401, 403, 404, 409, 422, 500, 202, 301, 302, 303, 304, 307, 308, 405, 406, 410, 412, 413, 415, 429, 502, 503, 504];

const BY_METHOD: Record<string, number[]> = {
  POST: [201, 200, 202, 204, 303],
  PUT: [200, 204, 201],
  PATCH: [200, 204],
  DELETE: [204, 200, 202],
  GET: [200, 304, 206],
  HEAD: [200, 304],
  OPTIONS: [204, 200],
};

const BY_BRANCH: Record<string, number[]> = {
  catch: [500, 503, 502, 504, 400, 409],
  'not-found': [404, 410],
  'input-check': [400, 422],
  'validation-error': [422, 400],
  'auth-check': [401, 403],
};

/** True for codes an application should rarely write itself (sink to the bottom, or hidden). */
export function isUncommon(info: StatusCodeInfo): boolean {
  return !info.forApplications || info.status !== 'standard' || info.class === '1xx' || info.code === 418;
}

/** A rank for sorting: context-fitting codes first, then common codes, then the rest by number. */
export function rank(info: StatusCodeInfo, slot: StatusSlot): number {
  if (isUncommon(info)) return 9000 + info.code;
  const branch = slot.branch ? BY_BRANCH[slot.branch] : undefined;
  const inError = !!branch;
  if (branch) {
    const i = branch.indexOf(info.code);
    if (i >= 0) return i;
  }
  if (slot.method && slot.role === 'response') {
    const m = BY_METHOD[slot.method];
    const i = m ? m.indexOf(info.code) : -1;
    // In an error branch the 2xx codes rank below every fitting 4xx/5xx.
    if (i >= 0) return (inError ? 300 : 100) + i;
  }
  const c = COMMON.indexOf(info.code);
  if (inError && info.class === '2xx') return 400 + (c >= 0 ? c : 50);
  if (inError && (info.class === '4xx' || info.class === '5xx')) return 150 + (c >= 0 ? c : 50);
  if (c >= 0) return 200 + c;
  return 1000 + info.code;
}
