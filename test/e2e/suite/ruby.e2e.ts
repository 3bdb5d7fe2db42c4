// Hover in a Ruby file in a real VS Code: the server loads the Ruby grammar on first use and
// explains a Rails status symbol; a `limit(500)` in the same file gets no hover from us.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activeExtension, hoverText, openFixture, positionIn, waitFor } from './util';

describe('ruby', function () {
  // The first hover waits for activation, the server and the Ruby grammar to load.
  this.timeout(60_000);

  let doc: vscode.TextDocument;

  before(async function () {
    doc = await openFixture('orders_controller.rb');
    await activeExtension();
  });

  it('explains :conflict in render json: ..., status: :conflict', async function () {
    assert.equal(doc.languageId, 'ruby');
    const pos = positionIn(doc, 'status: :conflict', ':conflict');
    const text = await waitFor(
      async () => {
        const t = await hoverText(doc.uri, pos);
        return t.includes('409 Conflict') ? t : undefined;
      },
      45_000,
      'a hover containing "409 Conflict" on :conflict',
    );
    assert.match(text, /rfc9110/i, `no link to RFC 9110 in the hover: ${JSON.stringify(text)}`);
  });

  it('does not hover the 500 in Order.limit(500)', async function () {
    // The server is known to answer for this document (the case above), so silence means "not a status".
    await waitFor(async () => (await hoverText(doc.uri, positionIn(doc, 'status: :conflict', ':conflict'))).includes('409 Conflict'), 20_000, 'the server to answer');
    const text = await hoverText(doc.uri, positionIn(doc, 'limit(500)', '500'));
    assert.doesNotMatch(text, /Internal Server Error|rfc9110/i, `a hover on limit(500): ${JSON.stringify(text)}`);
  });
});
