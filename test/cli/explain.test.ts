// --explain: the hover's reference text in a terminal, looked up by code, reason phrase,
// constant or rule id.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { tmpdir } from 'node:os';
import { ANSI, runCli } from './run';

const cwd = tmpdir();

test('--explain 409 prints the reference text as plain terminal text', () => {
  const r = runCli(['--explain', '409'], cwd);
  assert.equal(r.code, 0, r.stderr);
  const lines = r.stdout.split('\n');
  assert.equal(lines[0], '409 Conflict · client error');
  assert.match(r.stdout, /^Often confused with$/m);
  assert.match(r.stdout, /^ {2}• 422 Unprocessable Content: /m);
  assert.match(r.stdout, /RFC 9110, Section 15\.5\.10 <https:\/\/www\.rfc-editor\.org\/rfc\/rfc9110#section-15\.5\.10>/);
  // No Markdown left over, and no colour in a pipe.
  assert.doesNotMatch(r.stdout, /\*\*|\]\(|`/);
  assert.doesNotMatch(r.stdout, ANSI);
});

test('explain finds a code by constant or reason phrase, as the code spells it', () => {
  for (const query of ['StatusCodes.CONFLICT', 'HTTP_409_CONFLICT', 'http.StatusConflict', 'Conflict', ':conflict']) {
    const r = runCli(['explain', query], cwd);
    assert.equal(r.code, 0, `${query}: ${r.stderr}`);
    assert.match(r.stdout, /^409 Conflict/, query);
  }
});

test('explain of an unregistered code says no registry defines it', () => {
  const r = runCli(['--explain', '299'], cwd);
  assert.equal(r.code, 0);
  assert.match(r.stdout, /^299 · not a registered HTTP status code/);
});

test('explain of a rule id prints its docs page (shipped in docs/rules) for a terminal', () => {
  const r = runCli(['explain', 'body-not-allowed'], cwd);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /^body-not-allowed$/m);
  assert.match(r.stdout, /^What it catches$/m);
  assert.match(r.stdout, /^ {4}res\.status\(204\)\.end\(\);$/m, 'code examples are indented, without the fences');
  assert.doesNotMatch(r.stdout, /^#|```/m);
});

test('FORCE_COLOR renders the bold parts in bold', () => {
  const r = runCli(['--explain', '409'], cwd, { FORCE_COLOR: '1' });
  assert.match(r.stdout, /^\u001b\[1m409 Conflict\u001b\[22m/);
});

test('explain of something that is not a code: exit 2 with a clear message', () => {
  const r = runCli(['--explain', 'teapots'], cwd);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /^http-status-hints: --explain: 'teapots' is not a status code, reason phrase, constant or rule id/);
  assert.equal(r.stderr.trim().split('\n').length, 1);
  const none = runCli(['explain'], cwd);
  assert.equal(none.code, 2);
  assert.match(none.stderr, /explain needs one status code, e\.g\. explain 409/);
});
