// The project settings file as a pure function, the way the language server will call it: the
// same normalised settings the CLI uses, and the file's values laid over the editor's.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import '../../server/src/rules/config';
import { ConfigError, parseProjectConfig, withProjectSettings } from '../../server/src/config/projectConfig';
import { normalizeSettings } from '../../server/src/settings';

const file = (text: string) => ({ name: '/repo/.http-status-hints.json', text });
const pkg = (value: unknown) => ({ name: '/repo/package.json', text: JSON.stringify({ name: 'svc', ...(value === undefined ? {} : { httpStatusHints: value }) }) });

test('the settings file is JSON with comments and trailing commas, normalised like the editor settings', () => {
  const c = parseProjectConfig({ configFile: file('{\n  // team choice\n  "rules": { "created-without-location": "off", },\n  "maxFileSize": 1000,\n}') });
  assert.equal(c.source, '/repo/.http-status-hints.json');
  assert.deepEqual(c.warnings, []);
  assert.equal(c.settings.rules?.['created-without-location'], 'off');
  assert.equal(c.settings.maxFileSize, 1000);
  assert.deepEqual(c.settings, normalizeSettings(c.raw).settings);
});

test('the package.json key is used when there is no settings file, and the file wins when both exist', () => {
  const fromPkg = parseProjectConfig({ packageJson: pkg({ rules: { 'nonstandard-code': 'error' } }) });
  assert.equal(fromPkg.source, '/repo/package.json');
  assert.equal(fromPkg.settings.rules?.['nonstandard-code'], 'error');
  const both = parseProjectConfig({ configFile: file('{ "rules": { "nonstandard-code": "hint" } }'), packageJson: pkg({ rules: { 'nonstandard-code': 'error' } }) });
  assert.equal(both.settings.rules?.['nonstandard-code'], 'hint');
  assert.match(both.warnings[0], /package\.json: the "httpStatusHints" key is ignored because .*\.http-status-hints\.json exists/);
  const none = parseProjectConfig({ packageJson: pkg(undefined) });
  assert.equal(none.source, undefined);
  assert.deepEqual(none.settings, normalizeSettings({}).settings);
});

test('a wrong value falls back to its default with a warning that names the file and the setting', () => {
  const c = parseProjectConfig({ configFile: file('{ "maxFileSize": -1, "rules": { "teapot-in-production": "loud" } }') });
  assert.equal(c.settings.maxFileSize, normalizeSettings({}).settings.maxFileSize);
  assert.equal(c.settings.rules?.['teapot-in-production'], undefined);
  assert.equal(c.warnings.length, 2);
  for (const w of c.warnings) assert.match(w, /^\/repo\/\.http-status-hints\.json: httpStatusHints\./);
});

test('unusable files throw a ConfigError with the place of the mistake', () => {
  assert.throws(() => parseProjectConfig({ configFile: file('{\n  "rules": {\n') }), (e: unknown) => e instanceof ConfigError && /line 3, column 1: /.test(e.message));
  assert.throws(() => parseProjectConfig({ configFile: file('"off"') }), /must be a JSON object of settings/);
  assert.throws(() => parseProjectConfig({ packageJson: pkg(['off']) }), /"httpStatusHints" must be a JSON object/);
});

test('overrides (the CLI\'s --rule) go through the same checks', () => {
  const c = parseProjectConfig({ configFile: file('{ "rules": { "nonstandard-code": "off" } }') }, (raw) => ({ ...raw, rules: { ...(raw.rules as object), 'body-not-allowed': 'error' } }));
  assert.deepEqual(c.settings.rules, { 'nonstandard-code': 'off', 'body-not-allowed': 'error' });
  // The raw settings as written are not changed by the override.
  assert.deepEqual(c.raw, { rules: { 'nonstandard-code': 'off' } });
});

test('for the editor: the project file is laid over the editor settings, merging rules key by key', () => {
  const editor = { hover: { format: 'compact' }, rules: { 'nonstandard-code': 'error', 'teapot-in-production': 'off' } };
  const merged = withProjectSettings(editor, { rules: { 'nonstandard-code': 'hint' }, maxFileSize: 4096 });
  assert.deepEqual(merged, { hover: { format: 'compact' }, rules: { 'nonstandard-code': 'hint', 'teapot-in-production': 'off' }, maxFileSize: 4096 });
  assert.equal(editor.rules['nonstandard-code'], 'error', 'the editor object is not modified');
  assert.deepEqual(withProjectSettings(undefined, { maxFileSize: 10 }), { maxFileSize: 10 });
});
