// OpenAPI documents in a real VS Code: a response key hovers in YAML (language id `yaml`) and
// JSON (`json`); a number that is not a response key gets nothing from us.
import * as assert from 'node:assert/strict';
import { hoverText, openFixture, positionIn, waitForHover } from './util';

describe('OpenAPI', function () {
  this.timeout(60_000);

  it("explains '409' in an OpenAPI YAML document", async function () {
    const doc = await openFixture('openapi.yaml');
    assert.equal(doc.languageId, 'yaml');
    const text = await waitForHover(doc.uri, positionIn(doc, "'409':", '409'), '409 Conflict');
    assert.match(text, /rfc9110/i);
  });

  it('does not hover maximum: 500 in the same document', async function () {
    const doc = await openFixture('openapi.yaml');
    await waitForHover(doc.uri, positionIn(doc, "'201':", '201'), '201 Created');
    const text = await hoverText(doc.uri, positionIn(doc, 'maximum: 500', '500'));
    assert.doesNotMatch(text, /Internal Server Error|rfc9110/i, `a hover on maximum: 500: ${JSON.stringify(text)}`);
  });

  it('explains "404" in an OpenAPI JSON document', async function () {
    const doc = await openFixture('openapi.json');
    assert.equal(doc.languageId, 'json');
    await waitForHover(doc.uri, positionIn(doc, '"404": {', '404'), '404 Not Found');
    const text = await hoverText(doc.uri, positionIn(doc, '"maximum": 500', '500'));
    assert.doesNotMatch(text, /Internal Server Error|rfc9110/i, `a hover on "maximum": 500: ${JSON.stringify(text)}`);
  });
});
