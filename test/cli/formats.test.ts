// --format json and --format sarif: what scripts and GitHub code scanning read. The SARIF log is
// validated against the SARIF 2.1.0 JSON schema (shipped in @microsoft/jest-sarif, read from disk,
// never downloaded) and against what code scanning needs on top of the schema.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { copyFixture, repoRoot, runCli } from './run';

interface JsonReport {
  tool: { name: string; version: string };
  files: { path: string; language: string; problems: { ruleId: string; severity: string; message: string; line: number; column: number; endLine: number; endColumn: number; helpUri: string; fixes: { title: string; preferred: boolean; safe: boolean; edits: { line: number; column: number; newText: string }[] }[] }[] }[];
  skipped: { gitignored: number; folders: Record<string, number>; files: { path: string; kind: string }[] };
  summary: { filesChecked: number; problems: number; errors: number; warnings: number; infos: number; hints: number; fixable: number };
}

test('--format json: problems per file with 1-based positions, fixes, skips and counts', () => {
  const dir = copyFixture('project');
  const r = runCli(['check', '--format', 'json'], dir);
  assert.equal(r.code, 1, r.stderr);
  const report = JSON.parse(r.stdout) as JsonReport;
  assert.equal(report.tool.name, 'http-status-hints');
  assert.deepEqual(
    report.files.map((f) => [f.path, f.language, f.problems.map((p) => `${p.line}:${p.column} ${p.severity} ${p.ruleId}`)]),
    [
      ['api/views.py', 'python', ['10:44 warning error-body-with-success']],
      ['keep.local.js', 'javascript', ['6:14 warning retry-without-retry-after']],
      ['src/legacy/current.js', 'javascript', ['5:14 warning nonstandard-code']],
      ['src/routes/users.js', 'javascript', ['8:23 warning error-body-with-success', '15:14 info created-without-location', '20:14 warning body-not-allowed']],
    ],
  );
  const body = report.files[3].problems[2];
  // The range covers the written status `204`.
  assert.deepEqual([body.line, body.column, body.endLine, body.endColumn], [20, 14, 20, 17]);
  assert.match(body.helpUri, /docs\/rules\/body-not-allowed\.md$/);
  const preferred = body.fixes.find((f) => f.preferred);
  assert.ok(preferred?.safe, 'dropping the body is the safe, preferred fix');
  assert.deepEqual(preferred.edits.map((e) => e.newText), ['end()']);
  assert.deepEqual(report.summary, { ...report.summary, filesChecked: 6, problems: 6, errors: 0, warnings: 5, infos: 1, hints: 0, fixable: 1 });
  assert.equal(report.skipped.gitignored, 3);
  assert.deepEqual(report.skipped.folders, { build: 1, dist: 1, node_modules: 1, vendor: 1 });
  assert.deepEqual(report.skipped.files, [{ path: 'src/assets/logo.js', kind: 'binary', reason: 'binary' }]);
});

function sarifValidator() {
  const schemaFile = join(repoRoot, 'node_modules', '@microsoft', 'jest-sarif', 'lib', 'schemas', 'sarif-2.1.0-rtm.5.json');
  const schema = JSON.parse(readFileSync(schemaFile, 'utf8')) as object;
  // The schema is draft-04; one of its patterns is only valid without the `u` flag.
  const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
  addFormats(ajv);
  return ajv.compile(schema);
}

interface SarifLog {
  version: string;
  runs: {
    tool: { driver: { name: string; rules: { id: string; shortDescription: { text: string }; helpUri: string; defaultConfiguration: { level: string; enabled?: boolean } }[] } };
    originalUriBaseIds: Record<string, { uri: string }>;
    results: {
      ruleId: string;
      ruleIndex: number;
      level: string;
      message: { text: string };
      locations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId: string }; region: { startLine: number; startColumn: number; endLine: number; endColumn: number } } }[];
      partialFingerprints: Record<string, string>;
      fixes?: { description: { text: string }; artifactChanges: { artifactLocation: { uri: string }; replacements: { deletedRegion: { startLine: number; startColumn: number }; insertedContent: { text: string } }[] }[] }[];
    }[];
  }[];
}

test('--format sarif is valid SARIF 2.1.0 as GitHub code scanning reads it', () => {
  const dir = copyFixture('project');
  const r = runCli(['check', '--format', 'sarif'], dir);
  assert.equal(r.code, 1, r.stderr);
  const log = JSON.parse(r.stdout) as SarifLog;
  const validate = sarifValidator();
  assert.ok(validate(log), JSON.stringify(validate.errors?.slice(0, 5), null, 2));

  assert.equal(log.version, '2.1.0');
  const run = log.runs[0];
  const { rules } = run.tool.driver;
  assert.equal(run.tool.driver.name, 'http-status-hints');
  assert.ok(rules.length >= 10, 'every rule of the table is described');
  for (const rule of rules) {
    assert.ok(rule.shortDescription.text.length > 10, rule.id);
    assert.match(rule.helpUri, new RegExp(`^https://.+/docs/rules/${rule.id}\\.md$`));
    assert.ok(['error', 'warning', 'note', 'none'].includes(rule.defaultConfiguration.level), rule.id);
  }
  assert.equal(rules.find((x) => x.id === 'created-without-location')?.defaultConfiguration.level, 'note');
  assert.deepEqual(rules.find((x) => x.id === 'prefer-named-constant')?.defaultConfiguration, { enabled: false, level: 'none' });

  assert.equal(run.results.length, 6);
  assert.ok(run.originalUriBaseIds['%SRCROOT%'].uri.startsWith('file:///'));
  for (const res of run.results) {
    assert.equal(rules[res.ruleIndex].id, res.ruleId, 'ruleIndex points at the rule');
    const loc = res.locations[0].physicalLocation;
    assert.equal(loc.artifactLocation.uriBaseId, '%SRCROOT%');
    assert.doesNotMatch(loc.artifactLocation.uri, /^(file:|\/)/, 'relative to the repository root');
    assert.ok(loc.region.startLine >= 1 && loc.region.startColumn >= 1);
    assert.match(Object.values(res.partialFingerprints)[0], /^[0-9a-f]{32}$/);
  }
  const body = run.results.find((x) => x.ruleId === 'body-not-allowed')!;
  assert.equal(body.level, 'warning');
  assert.deepEqual(body.locations[0].physicalLocation.artifactLocation.uri, 'src/routes/users.js');
  assert.deepEqual(body.locations[0].physicalLocation.region, { startLine: 20, startColumn: 14, endLine: 20, endColumn: 17 });
  assert.equal(body.fixes?.[0].description.text, 'Send no body');
  assert.equal(body.fixes?.[0].artifactChanges[0].replacements[0].insertedContent.text, 'end()');
  assert.equal(run.results.find((x) => x.ruleId === 'created-without-location')?.level, 'note');
});

test('SARIF fingerprints stay the same when unrelated lines are added above a finding', () => {
  const dir = copyFixture('project');
  const before = JSON.parse(runCli(['check', '--format', 'sarif', 'src/legacy'], dir).stdout) as SarifLog;
  const file = join(dir, 'src', 'legacy', 'current.js');
  const text = readFileSync(file, 'utf8');
  writeFileSync(file, `// a new comment\n// and another\n${text}`);
  const after = JSON.parse(runCli(['check', '--format', 'sarif', 'src/legacy'], dir).stdout) as SarifLog;
  assert.equal(after.runs[0].results[0].locations[0].physicalLocation.region.startLine, before.runs[0].results[0].locations[0].physicalLocation.region.startLine + 2);
  assert.deepEqual(after.runs[0].results[0].partialFingerprints, before.runs[0].results[0].partialFingerprints);
});

test('the SARIF validator rejects a broken log, so the check above means something', () => {
  const dir = copyFixture('project');
  const log = JSON.parse(runCli(['check', '--format', 'sarif', 'src/routes'], dir).stdout) as SarifLog;
  const validate = sarifValidator();
  (log.runs[0].results[0] as { level: string }).level = 'severe';
  assert.equal(validate(log), false);
});

test('--output writes the report to a file and says so on stderr; stdout stays empty', () => {
  const dir = copyFixture('project');
  const r = runCli(['check', '--format', 'sarif', '--output', 'reports/http-status.sarif'], dir);
  assert.equal(r.code, 1);
  assert.equal(r.stdout, '');
  assert.match(r.stderr, /^Wrote reports\/http-status\.sarif\. 6 problems/);
  const file = join(dir, 'reports', 'http-status.sarif');
  assert.ok(existsSync(file));
  assert.equal((JSON.parse(readFileSync(file, 'utf8')) as SarifLog).runs[0].results.length, 6);
});

test('--output with the text format writes no colour codes even when colour is forced', () => {
  const dir = copyFixture('project');
  const r = runCli(['check', '-o', 'report.txt'], dir, { FORCE_COLOR: '1' });
  assert.equal(r.code, 1);
  const text = readFileSync(join(dir, 'report.txt'), 'utf8');
  assert.match(text, /^api\/views\.py:10:44 warning error-body-with-success /m);
  // eslint-disable-next-line no-control-regex
  assert.doesNotMatch(text, /\u001b\[/);
});
