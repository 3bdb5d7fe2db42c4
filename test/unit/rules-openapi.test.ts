// The rules over OpenAPI fixtures (YAML and JSON): expected findings on their ranges,
// quiet look-alikes, and the quick fixes applied.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { basename } from 'node:path';
import { checkFixture, fixtureFiles, fixTests } from './rules-harness';

for (const file of fixtureFiles('rules', 'openapi')) {
  test(`rules on openapi/${basename(file)}`, async () => {
    const problems = await checkFixture(file);
    assert.deepEqual(problems, [], problems.join('\n'));
  });
}

fixTests('rules', 'openapi', 'fixes');

test('a 401 on an operation known to have no security requirement needs WWW-Authenticate declared', async () => {
  const text = `openapi: 3.0.3
info: { title: A, version: '1' }
paths:
  /me:
    get:
      responses:
        '200':
          description: Me
        '401':
          description: Log in first
`;
  const { openapiUnauthorizedWithoutChallenge } = await import('../../server/src/rules/openapiUnauthorizedWithoutChallenge');
  const { withContext } = await import('./rules-harness');
  await withContext(text, 'yaml', 'file:///project/api/openapi.yaml', undefined, (ctx) => {
    const check = () => openapiUnauthorizedWithoutChallenge.check(ctx.model, { text, languageId: 'yaml', uri: ctx.document.uri, isTestFile: false, level: 'info', importEdit: () => undefined });
    // The document declares no security anywhere: the adapter says none applies, so the 401
    // is reported, with the header to declare.
    assert.equal(ctx.model.handlers[0].security, false);
    const [finding] = check();
    assert.equal(text.slice(finding.span.start, finding.span.end), "'401'");
    assert.equal(finding.fixes[0]?.title, 'Declare the WWW-Authenticate header');
    ctx.model.handlers[0].security = true;
    assert.deepEqual(check(), []);
    // When the adapter cannot tell, the rule stays quiet.
    ctx.model.handlers[0].security = undefined;
    assert.deepEqual(check(), []);
  });
});
