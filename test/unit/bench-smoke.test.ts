// `npm run bench -- --quick` runs end to end and writes a results file the README table can be
// made from. No timing is asserted (machines are noisy): only that every figure was measured,
// that the requests hit real status sites, and that our CLI and the ESLint rule agree.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// dist-test/unit/ -> the repository; a bundle run from elsewhere uses the working directory.
const root = existsSync(join(__dirname, '..', '..', 'package.json')) ? join(__dirname, '..', '..') : process.cwd();

interface Lat {
  p50: number;
  p99: number;
  hits: number;
  requests: number;
}

test('npm run bench -- --quick prints the table and writes every figure', { timeout: 10 * 60_000 }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'bench-smoke-'));
  const out = join(dir, 'results.json');
  try {
    // --no-build: npm test has just built dist/, and other test files use it while this runs.
    const r = spawnSync('npm', ['run', 'bench', '--', '--quick', '--no-build', '--out', out], { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    assert.equal(r.status, 0, `bench failed:\n${r.stderr.slice(-4000)}`);
    for (const heading of ['**Analysis in process**', '**Requests over stdio**', '**Start, memory, CLI, bundle**', '**Targets**']) assert.ok(r.stdout.includes(heading), `table lacks ${heading}`);

    const res = JSON.parse(readFileSync(out, 'utf8'));
    assert.equal(res.meta.quick, true);
    assert.deepEqual([...new Set(res.analysis.map((a: { language: string }) => a.language))], ['javascript', 'typescript', 'python', 'go']);
    for (const a of res.analysis) {
      for (const k of ['parseMs', 'fullMs', 'editP50Ms'] as const) assert.ok(Number.isFinite(a[k]) && a[k] > 0, `${a.language} ${a.lines}: ${k} = ${a[k]}`);
      assert.ok(a.sites > 0, `${a.language} ${a.lines}: the generated file has no status sites`);
    }
    assert.equal(res.latency.length, res.analysis.length, 'every analysed document is also measured over stdio');
    for (const l of res.latency) {
      for (const k of ['rpc', 'hover', 'completion', 'inlay'] as const) {
        const v: Lat = l[k];
        assert.ok(Number.isFinite(v.p50) && v.p99 >= v.p50, `${l.language} ${l.lines} ${k}: ${JSON.stringify(v)}`);
      }
      // The requests are aimed at status sites: a miss means the figure measures the empty path.
      assert.ok(l.hover.hits >= 0.9 * l.hover.requests, `${l.language} ${l.lines}: ${l.hover.hits}/${l.hover.requests} hovers found a site`);
      assert.ok(l.completion.hits >= 0.9 * l.completion.requests, `${l.language} ${l.lines}: ${l.completion.hits}/${l.completion.requests} completions offered codes`);
    }
    assert.ok(res.startup.initializeMs > 0 && res.startup.firstDiagnosticsMs > res.startup.initializeMs);
    assert.deepEqual(res.startup.grammars.atInitialize, [], 'no grammar is read before a document needs it');
    assert.ok(res.memory.idleMb > 0 && res.memory.manyDocsMb > 0 && Number.isFinite(res.memory.openClose.growthMb));
    assert.ok(res.cli.cliFindings > 0, 'the generated tree has nonstandard codes on purpose');
    assert.equal(res.cli.cliFindings, res.cli.eslintFindings, 'our CLI and the ESLint rule report the same nonstandard codes');
    assert.ok(res.bundle.distMb > res.bundle.grammarsMb);
    assert.deepEqual(
      res.targets.map((t: { id: string }) => t.id),
      ['full-vs-parse', 'edit', 'hover-p99', 'completion-p99', 'initialize', 'grammars-lazy', 'rss-50', 'no-growth', 'cli-vs-eslint', 'vsix'],
    );
    for (const t of res.targets) assert.ok(t.met === true || t.met === false || t.met === null, `${t.id}: ${t.met}`);
    assert.equal(typeof res.table, 'string');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
