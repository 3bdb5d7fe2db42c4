// A .http request file in a real VS Code: the extension contributes the `http` language for
// .http / .rest files, and the expected statuses in it hover; the port in a URL does not.
import * as assert from 'node:assert/strict';
import { hoverText, openFixture, positionIn, waitForHover } from './util';

describe('.http request files', function () {
  this.timeout(60_000);

  it('opens requests.http as the http language and explains ?? status == 201', async function () {
    const doc = await openFixture('requests.http');
    assert.equal(doc.languageId, 'http');
    await waitForHover(doc.uri, positionIn(doc, '?? status == 201', '201'), '201 Created');
  });

  it('explains the status in "# expect HTTP/1.1 409 Conflict", not the port', async function () {
    const doc = await openFixture('requests.http');
    await waitForHover(doc.uri, positionIn(doc, 'HTTP/1.1 409', '409'), '409 Conflict');
    const text = await hoverText(doc.uri, positionIn(doc, 'localhost:3000', '3000'));
    assert.doesNotMatch(text, /rfc9110|status code/i, `a hover on the port: ${JSON.stringify(text)}`);
  });
});
