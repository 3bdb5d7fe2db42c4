// Checks the constant names in data/status-codes.json against the real packages and runtimes
// that define them, so a renamed or missing constant is caught here and not by a user.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as http from 'node:http';
import * as http2 from 'node:http2';
import 'reflect-metadata';
import { StatusCodes } from 'http-status-codes';
import { HttpStatus } from '@nestjs/common';
import data from '../../data/status-codes.json';

interface Entry {
  code: number;
  name: string;
  oldNames: string[];
  constants: Record<string, string[]>;
  deprecatedConstants: Record<string, string[]>;
}
const codes = data.codes as unknown as Entry[];
const byCode = new Map(codes.map((c) => [c.code, c]));

/** name -> code for one vocabulary, preferred names and aliases (optionally renamed ones too). */
function ours(vocab: string, withDeprecated: boolean): Map<string, number> {
  const m = new Map<string, number>();
  for (const c of codes) {
    const names = [...(c.constants[vocab] ?? []), ...(withDeprecated ? (c.deprecatedConstants[vocab] ?? []) : [])];
    for (const n of names) m.set(n, c.code);
  }
  return m;
}

/** Numeric members of a TypeScript enum object (drops the reverse mapping). */
function enumMembers(e: object): Map<string, number> {
  return new Map(Object.entries(e).filter((kv): kv is [string, number] => typeof kv[1] === 'number'));
}

/** Both directions: every real member is ours with the same code, every one of ours exists. */
function sameBothWays(vocab: string, real: Map<string, number>): void {
  const mine = ours(vocab, true);
  const missing: string[] = [];
  for (const [name, code] of real) {
    if (!mine.has(name)) missing.push(`${name}=${code}`);
    else assert.equal(mine.get(name), code, `${vocab}: ${name} is ${code} in the package`);
  }
  assert.deepEqual(missing, [], `${vocab}: members missing from data/status-codes.json`);
  const unknown = [...mine.keys()].filter((n) => !real.has(n));
  assert.deepEqual(unknown, [], `${vocab}: names in data/status-codes.json the package does not define`);
}

test('http-status-codes: StatusCodes matches our constants both ways', () => {
  sameBothWays('http-status-codes', enumMembers(StatusCodes));
});

test('@nestjs/common: HttpStatus matches our constants both ways', () => {
  sameBothWays('nestjs', enumMembers(HttpStatus));
});

test("Node http2.constants: our node-http2 names match HTTP_STATUS_*", () => {
  const real = new Map(
    Object.entries(http2.constants).filter(
      (kv): kv is [string, number] => kv[0].startsWith('HTTP_STATUS_') && typeof kv[1] === 'number',
    ),
  );
  sameBothWays('node-http2', real);
});

test('every code Node knows is in our data, under its name or an old name', () => {
  const norm = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, '');
  for (const [codeText, phrase] of Object.entries(http.STATUS_CODES)) {
    const e = byCode.get(Number(codeText));
    assert.ok(e, `Node knows ${codeText} ${phrase}, data does not`);
    const names = [e.name, ...e.oldNames].map(norm);
    assert.ok(names.includes(norm(phrase ?? '')), `${codeText}: Node calls it "${phrase}", data "${e.name}"`);
  }
});

// ---------------------------------------------------------------- Python http.HTTPStatus
// Names HTTPStatus gained in a given Python version; an older interpreter lacks them legitimately.
const PY_ADDED: Record<string, [number, number]> = {
  MISDIRECTED_REQUEST: [3, 7],
  EARLY_HINTS: [3, 9],
  IM_A_TEAPOT: [3, 9],
  TOO_EARLY: [3, 9],
  CONTENT_TOO_LARGE: [3, 13],
  URI_TOO_LONG: [3, 13],
  RANGE_NOT_SATISFIABLE: [3, 13],
  UNPROCESSABLE_CONTENT: [3, 13],
};
const PY_SCRIPT =
  'import http, json, sys; print(json.dumps({"version": list(sys.version_info[:2]), ' +
  '"members": {n: int(m) for n, m in http.HTTPStatus.__members__.items()}}))';

interface PyInfo {
  how: string;
  version: [number, number];
  members: Record<string, number>;
}

function runPython(cmd: string, env: NodeJS.ProcessEnv, how: string): PyInfo | undefined {
  const r = spawnSync(cmd, ['-c', PY_SCRIPT], { env, encoding: 'utf8', timeout: 20_000 });
  if (r.status !== 0 || !r.stdout) return undefined;
  try {
    const parsed = JSON.parse(r.stdout.trim()) as Omit<PyInfo, 'how'>;
    return { how, ...parsed };
  } catch {
    return undefined;
  }
}

/** The newest Python 3 we can find: plain python3, versioned names, and pyenv versions if pyenv is there. */
function findPython(): PyInfo | undefined {
  const found: PyInfo[] = [];
  for (const cmd of ['python3', 'python3.14', 'python3.13']) {
    const info = runPython(cmd, process.env, cmd);
    if (info) found.push(info);
  }
  const pyenv = spawnSync('pyenv', ['versions', '--bare'], { encoding: 'utf8', timeout: 20_000 });
  if (pyenv.status === 0) {
    for (const v of pyenv.stdout.split('\n').map((s) => s.trim())) {
      if (!/^3\.\d+\.\d+$/.test(v)) continue;
      const info = runPython('python3', { ...process.env, PYENV_VERSION: v }, `pyenv ${v}`);
      if (info) found.push(info);
    }
  }
  found.sort((a, b) => b.version[0] - a.version[0] || b.version[1] - a.version[1]);
  return found[0];
}

const python = findPython();
const atLeast = (v: [number, number], min: [number, number]) => v[0] > min[0] || (v[0] === min[0] && v[1] >= min[1]);

test(
  'Python http.HTTPStatus: our python-http names exist and map to the right code',
  { skip: python ? false : 'no python3 on this machine' },
  () => {
    assert.ok(python);
    const real = new Map(Object.entries(python.members));
    const at = `${python.how} (Python ${python.version.join('.')})`;
    const problems: string[] = [];
    for (const [name, code] of ours('python-http', true)) {
      if (real.has(name)) {
        if (real.get(name) !== code) problems.push(`${name}: ours ${code}, Python ${real.get(name)}`);
      } else {
        const since = PY_ADDED[name];
        if (!since || atLeast(python.version, since)) problems.push(`${name} (${code}) does not exist in ${at}`);
      }
    }
    const mine = ours('python-http', true);
    for (const [name, code] of real) {
      if (mine.get(name) !== code) problems.push(`${at} has ${name}=${code}, data does not`);
    }
    assert.deepEqual(problems, []);
  },
);

test(
  'Python 3.13+ names come first, the renamed ones are listed as deprecated',
  { skip: python && atLeast(python.version, [3, 13]) ? false : 'needs Python 3.13 or later' },
  () => {
    assert.ok(python);
    // In 3.13 the canonical member of each value is its current name; the others are aliases.
    const script = 'import http; print("\\n".join(f"{int(s)} {s.name}" for s in http.HTTPStatus))';
    const env = python.how.startsWith('pyenv ') ? { ...process.env, PYENV_VERSION: python.how.slice(6) } : process.env;
    const cmd = python.how.startsWith('pyenv ') ? 'python3' : python.how;
    const r = spawnSync(cmd, ['-c', script], { env, encoding: 'utf8', timeout: 20_000 });
    assert.equal(r.status, 0, r.stderr);
    for (const line of r.stdout.trim().split('\n')) {
      const [code, name] = line.split(' ');
      const e = byCode.get(Number(code));
      assert.ok(e, `code ${code}`);
      assert.equal(e.constants['python-http']?.[0], name, `${code}: preferred Python name`);
    }
  },
);
