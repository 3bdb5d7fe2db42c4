// Schema and consistency checks for data/status-codes.json, the single source of truth
// that hover, completion, inlay hints and diagnostics all read.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import data from '../../data/status-codes.json';

type Requirement = 'must' | 'should' | 'may';
interface Vocabulary {
  label: string;
  languages: string[];
  form: string;
}
interface Entry {
  code: number;
  name: string;
  oldNames: string[];
  class: string;
  status: string;
  unofficialUsers?: string;
  spec?: { ref: string; url: string };
  mdn?: string;
  summary: string;
  useWhen: string;
  avoidWhen: string;
  confusedWith: { code: number; how: string }[];
  headers: { name: string; requirement: Requirement; note: string }[];
  bodyAllowed: boolean;
  forApplications: boolean;
  constants: Record<string, string[]>;
  deprecatedConstants: Record<string, string[]>;
}

const vocabularies = data.vocabularies as Record<string, Vocabulary>;
const codes = data.codes as unknown as Entry[];
const byCode = new Map(codes.map((c) => [c.code, c]));
const entry = (code: number): Entry => {
  const e = byCode.get(code);
  assert.ok(e, `code ${code} is missing`);
  return e;
};

// Every code assigned in the IANA HTTP Status Code Registry (100-599).
const IANA = [
  100, 101, 102, 103, 200, 201, 202, 203, 204, 205, 206, 207, 208, 226, 300, 301, 302, 303, 304, 305, 306, 307, 308,
  400, 401, 402, 403, 404, 405, 406, 407, 408, 409, 410, 411, 412, 413, 414, 415, 416, 417, 418, 421, 422, 423, 424,
  425, 426, 428, 429, 431, 451, 500, 501, 502, 503, 504, 505, 506, 507, 508, 510, 511,
];
// Unregistered codes people meet in the wild (frameworks, servers, CDNs).
const UNOFFICIAL = [
  419, 420, 440, 444, 449, 450, 494, 495, 496, 497, 498, 499, 509, 520, 521, 522, 523, 524, 525, 526, 527, 530, 598,
  599,
];
const STATUSES = ['standard', 'unofficial', 'unused', 'deprecated', 'obsoleted'];
const ENTRY_KEYS = [
  'code', 'name', 'oldNames', 'class', 'status', 'unofficialUsers', 'spec', 'mdn', 'summary', 'useWhen', 'avoidWhen',
  'confusedWith', 'headers', 'bodyAllowed', 'forApplications', 'constants', 'deprecatedConstants',
];
const REQUIRED_KEYS = ENTRY_KEYS.filter((k) => !['unofficialUsers', 'spec', 'mdn'].includes(k));

const isText = (v: unknown): v is string => typeof v === 'string' && v.trim().length > 0 && v === v.trim();
const isTextArray = (v: unknown): v is string[] => Array.isArray(v) && v.every(isText);

test('top level has exactly vocabularies and codes', () => {
  assert.deepEqual(Object.keys(data).sort(), ['codes', 'vocabularies']);
  assert.ok(Array.isArray(data.codes) && data.codes.length > 0);
});

test('vocabularies are well formed and include the expected ids', () => {
  const expected = [
    'http-status-codes', 'nestjs', 'node-http2', 'python-http', 'starlette', 'drf', 'go-http', 'spring', 'jaxrs',
    'servlet', 'aspnet', 'dotnet', 'rack', 'symfony', 'rust-http', 'actix', 'aiohttp', 'mockmvc', 'django',
  ];
  for (const id of expected) assert.ok(id in vocabularies, `vocabulary ${id} missing`);
  for (const [id, v] of Object.entries(vocabularies)) {
    assert.deepEqual(Object.keys(v).sort(), ['form', 'label', 'languages'], `${id}: keys`);
    assert.ok(isText(v.label), `${id}: label`);
    assert.ok(isTextArray(v.languages) && v.languages.length > 0, `${id}: languages`);
    assert.equal(new Set(v.languages).size, v.languages.length, `${id}: duplicate language`);
    assert.ok(isText(v.form) && v.form.split('NAME').length === 2, `${id}: form must contain NAME once`);
  }
});

test('every vocabulary is used by at least one code', () => {
  for (const id of Object.keys(vocabularies)) {
    assert.ok(codes.some((c) => id in c.constants), `${id} defines no code`);
  }
});

test('each entry has the required fields with the right types', () => {
  for (const c of codes) {
    const at = `code ${c.code}`;
    for (const k of Object.keys(c)) assert.ok(ENTRY_KEYS.includes(k), `${at}: unknown key ${k}`);
    for (const k of REQUIRED_KEYS) assert.ok(k in c, `${at}: missing ${k}`);
    assert.ok(Number.isInteger(c.code) && c.code >= 100 && c.code <= 599, `${at}: range`);
    assert.equal(c.class, `${Math.floor(c.code / 100)}xx`, `${at}: class`);
    assert.ok(isText(c.name), `${at}: name`);
    assert.ok(isTextArray(c.oldNames), `${at}: oldNames`);
    assert.ok(!c.oldNames.includes(c.name), `${at}: oldNames repeats name`);
    assert.ok(STATUSES.includes(c.status), `${at}: status ${c.status}`);
    for (const k of ['summary', 'useWhen', 'avoidWhen'] as const) assert.ok(isText(c[k]), `${at}: ${k} empty`);
    assert.ok(c.summary.length <= 100, `${at}: summary is ${c.summary.length} chars`);
    assert.equal(typeof c.bodyAllowed, 'boolean', `${at}: bodyAllowed`);
    assert.equal(typeof c.forApplications, 'boolean', `${at}: forApplications`);
  }
});

test('unofficial codes name their users and carry no spec; the others have a spec', () => {
  for (const c of codes) {
    const at = `code ${c.code}`;
    if (c.status === 'unofficial') {
      assert.ok(isText(c.unofficialUsers), `${at}: unofficialUsers`);
      assert.equal(c.spec, undefined, `${at}: unofficial code with spec`);
    } else {
      assert.equal(c.unofficialUsers, undefined, `${at}: unofficialUsers on a registered code`);
      assert.ok(c.spec, `${at}: spec missing`);
    }
  }
});

test('spec references and URLs agree and have the expected shape', () => {
  for (const c of codes) {
    if (!c.spec) continue;
    const at = `code ${c.code}`;
    assert.deepEqual(Object.keys(c.spec).sort(), ['ref', 'url'], `${at}: spec keys`);
    const ref = /^RFC (\d+), Section (\d+(?:\.\d+)*)$/.exec(c.spec.ref);
    assert.ok(ref, `${at}: ref "${c.spec.ref}"`);
    assert.equal(c.spec.url, `https://www.rfc-editor.org/rfc/rfc${ref[1]}#section-${ref[2]}`, `${at}: url`);
  }
  // Spot checks of section numbers that are easy to get wrong.
  assert.equal(entry(409).spec?.ref, 'RFC 9110, Section 15.5.10');
  assert.equal(entry(418).spec?.ref, 'RFC 9110, Section 15.5.19');
  assert.equal(entry(421).spec?.ref, 'RFC 9110, Section 15.5.20');
  assert.equal(entry(422).spec?.ref, 'RFC 9110, Section 15.5.21');
  assert.equal(entry(426).spec?.ref, 'RFC 9110, Section 15.5.22');
  assert.equal(entry(306).spec?.ref, 'RFC 9110, Section 15.4.7');
  assert.equal(entry(308).spec?.ref, 'RFC 9110, Section 15.4.9');
  assert.match(entry(429).spec?.ref ?? '', /^RFC 6585,/);
  assert.match(entry(207).spec?.ref ?? '', /^RFC 4918,/);
  assert.match(entry(103).spec?.ref ?? '', /^RFC 8297,/);
});

test('MDN links point at the page of the same code', () => {
  for (const c of codes) {
    if (c.mdn === undefined) continue;
    assert.equal(c.mdn, `https://developer.mozilla.org/en-US/docs/Web/HTTP/Status/${c.code}`, `code ${c.code}`);
  }
  for (const code of [200, 201, 204, 301, 400, 401, 403, 404, 409, 422, 429, 500, 503]) {
    assert.ok(entry(code).mdn, `code ${code} should link MDN`);
  }
});

test('codes are sorted and unique', () => {
  for (let i = 1; i < codes.length; i++) {
    assert.ok(codes[i - 1].code < codes[i].code, `order/duplicate at ${codes[i].code}`);
  }
});

test('every IANA-assigned code is present and registered', () => {
  for (const code of IANA) assert.notEqual(entry(code).status, 'unofficial', `code ${code}`);
});

test('the well-known unofficial codes are present and marked unofficial', () => {
  for (const code of UNOFFICIAL) assert.equal(entry(code).status, 'unofficial', `code ${code}`);
  for (const c of codes) {
    if (!IANA.includes(c.code)) assert.equal(c.status, 'unofficial', `unregistered ${c.code} must be unofficial`);
  }
});

test('IANA statuses: 306/418 unused, 305 deprecated, 510 obsoleted, the rest standard', () => {
  assert.equal(entry(306).status, 'unused');
  assert.equal(entry(418).status, 'unused');
  assert.equal(entry(305).status, 'deprecated');
  assert.equal(entry(510).status, 'obsoleted');
  for (const code of IANA) {
    if (![305, 306, 418, 510].includes(code)) assert.equal(entry(code).status, 'standard', `code ${code}`);
  }
});

test('current names and the old names people still see', () => {
  assert.equal(entry(413).name, 'Content Too Large');
  assert.deepEqual([...entry(413).oldNames].sort(), ['Payload Too Large', 'Request Entity Too Large']);
  assert.equal(entry(422).name, 'Unprocessable Content');
  assert.ok(entry(422).oldNames.includes('Unprocessable Entity'));
  assert.equal(entry(302).name, 'Found');
  assert.ok(entry(302).oldNames.includes('Moved Temporarily'));
  assert.equal(entry(416).name, 'Range Not Satisfiable');
  assert.ok(entry(416).oldNames.includes('Requested Range Not Satisfiable'));
  assert.equal(entry(414).name, 'URI Too Long');
});

test('bodyAllowed is false exactly for 1xx, 204, 205 and 304', () => {
  for (const c of codes) {
    const noBody = c.code < 200 || c.code === 204 || c.code === 205 || c.code === 304;
    assert.equal(c.bodyAllowed, !noBody, `code ${c.code}`);
  }
});

test('forApplications is false for codes an application never sends itself', () => {
  const never = [306, 418, 444, 494, 495, 496, 497, 499, 520, 521, 522, 523, 524, 525, 526, 527, 530, 598, 599];
  for (const c of codes) {
    if (c.code < 200 || never.includes(c.code)) assert.equal(c.forApplications, false, `code ${c.code}`);
  }
  for (const code of [200, 201, 204, 400, 401, 403, 404, 409, 422, 429, 500, 503]) {
    assert.equal(entry(code).forApplications, true, `code ${code}`);
  }
});

test('confusedWith points at other existing codes, once each', () => {
  for (const c of codes) {
    const at = `code ${c.code}`;
    assert.ok(Array.isArray(c.confusedWith), `${at}: confusedWith`);
    const seen = new Set<number>();
    for (const x of c.confusedWith) {
      assert.deepEqual(Object.keys(x).sort(), ['code', 'how'], `${at}: confusedWith keys`);
      assert.ok(byCode.has(x.code), `${at}: confusedWith ${x.code} does not exist`);
      assert.notEqual(x.code, c.code, `${at}: confused with itself`);
      assert.ok(!seen.has(x.code), `${at}: confusedWith ${x.code} twice`);
      seen.add(x.code);
      assert.ok(isText(x.how), `${at}: confusedWith ${x.code} how`);
    }
  }
  // The classic dilemmas are all covered, both ways where it matters.
  const pairs: [number, number][] = [
    [409, 422], [422, 409], [422, 400], [400, 422], [401, 403], [403, 401], [404, 410], [410, 404], [301, 308],
    [308, 301], [302, 303], [302, 307], [200, 201], [200, 204], [500, 502], [502, 504], [503, 429], [429, 503],
  ];
  for (const [a, b] of pairs) {
    assert.ok(entry(a).confusedWith.some((x) => x.code === b), `${a} should explain the difference with ${b}`);
  }
});

test('headers are well formed', () => {
  for (const c of codes) {
    const at = `code ${c.code}`;
    assert.ok(Array.isArray(c.headers), `${at}: headers`);
    const names = new Set<string>();
    for (const h of c.headers) {
      assert.deepEqual(Object.keys(h).sort(), ['name', 'note', 'requirement'], `${at}: header keys`);
      assert.match(h.name, /^[A-Z][A-Za-z]*(-[A-Za-z]+)*$/, `${at}: header name ${h.name}`);
      assert.ok(['must', 'should', 'may'].includes(h.requirement), `${at}: ${h.name} requirement`);
      assert.ok(isText(h.note), `${at}: ${h.name} note`);
      assert.ok(!names.has(h.name), `${at}: ${h.name} twice`);
      names.add(h.name);
    }
  }
});

test('the headers that go with specific codes', () => {
  const header = (code: number, name: string) => entry(code).headers.find((h) => h.name === name);
  assert.equal(header(401, 'WWW-Authenticate')?.requirement, 'must');
  assert.equal(header(405, 'Allow')?.requirement, 'must');
  assert.equal(header(407, 'Proxy-Authenticate')?.requirement, 'must');
  assert.equal(header(426, 'Upgrade')?.requirement, 'must');
  assert.equal(header(101, 'Upgrade')?.requirement, 'must');
  assert.equal(header(201, 'Location')?.requirement, 'should');
  for (const code of [301, 302, 303, 307, 308]) assert.equal(header(code, 'Location')?.requirement, 'should', `${code}`);
  assert.ok(header(429, 'Retry-After'));
  assert.ok(header(503, 'Retry-After'));
  assert.ok(header(206, 'Content-Range'));
  assert.ok(header(416, 'Content-Range'));
  assert.ok(header(103, 'Link'));
  assert.ok(header(415, 'Accept') || header(415, 'Accept-Patch'));
});

test('constants use known vocabularies and well-formed names', () => {
  for (const c of codes) {
    const at = `code ${c.code}`;
    for (const field of ['constants', 'deprecatedConstants'] as const) {
      const map = c[field];
      assert.ok(map && typeof map === 'object' && !Array.isArray(map), `${at}: ${field}`);
      for (const [vocab, names] of Object.entries(map)) {
        assert.ok(vocab in vocabularies, `${at}: ${field} uses unknown vocabulary ${vocab}`);
        assert.ok(isTextArray(names) && names.length > 0, `${at}: ${field}.${vocab}`);
        for (const n of names) assert.match(n, /^[A-Za-z_][A-Za-z0-9_]*$/, `${at}: ${vocab} name ${n}`);
      }
    }
    for (const vocab of Object.keys(c.deprecatedConstants)) {
      assert.ok(vocab in c.constants, `${at}: deprecated ${vocab} names have no replacement in constants`);
    }
  }
});

test('no constant name belongs to two codes within one vocabulary', () => {
  const owner = new Map<string, number>();
  for (const c of codes) {
    for (const field of ['constants', 'deprecatedConstants'] as const) {
      for (const [vocab, names] of Object.entries(c[field])) {
        for (const n of names) {
          const key = `${vocab}:${n}`;
          const prev = owner.get(key);
          assert.ok(prev === undefined, `${key} is used by ${prev} and ${c.code}`);
          owner.set(key, c.code);
        }
      }
    }
  }
});

test('the irregular names the extension exists to explain', () => {
  const first = (code: number, vocab: string) => entry(code).constants[vocab]?.[0];
  const all = (code: number, vocab: string) => [
    ...(entry(code).constants[vocab] ?? []),
    ...(entry(code).deprecatedConstants[vocab] ?? []),
  ];
  assert.equal(first(302, 'http-status-codes'), 'MOVED_TEMPORARILY');
  assert.equal(first(413, 'http-status-codes'), 'REQUEST_TOO_LONG');
  assert.equal(first(418, 'nestjs'), 'I_AM_A_TEAPOT');
  assert.equal(first(421, 'nestjs'), 'MISDIRECTED');
  assert.equal(first(418, 'go-http'), 'StatusTeapot');
  assert.equal(first(505, 'aspnet'), 'Status505HttpVersionNotsupported');
  assert.equal(first(413, 'python-http'), 'CONTENT_TOO_LARGE');
  assert.deepEqual(entry(422).deprecatedConstants['python-http'], ['UNPROCESSABLE_ENTITY']);
  assert.equal(first(422, 'starlette'), 'HTTP_422_UNPROCESSABLE_CONTENT');
  assert.ok(entry(422).deprecatedConstants.starlette?.includes('HTTP_422_UNPROCESSABLE_ENTITY'));
  assert.equal(first(422, 'rack'), 'unprocessable_content');
  assert.ok(entry(422).deprecatedConstants.rack?.includes('unprocessable_entity'));
  assert.ok(all(413, 'rack').includes('payload_too_large'));
  assert.ok(all(302, 'dotnet').includes('Redirect'));
  assert.equal(first(302, 'servlet'), 'SC_FOUND');
  assert.equal(first(308, 'symfony'), 'HTTP_PERMANENTLY_REDIRECT');
  assert.equal(first(404, 'django'), 'HttpResponseNotFound');
  assert.equal(first(418, 'mockmvc'), 'isIAmATeapot');
});
