// Hover in a PHP file in a real VS Code: the server loads the PHP grammar on first use and
// explains the status of a Laravel response; a page size in the same file gets no hover from us.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activeExtension, hoverText, openFixture, positionIn, waitFor } from './util';

describe('php', function () {
  // The first hover waits for activation, the server and the PHP grammar to load.
  this.timeout(60_000);

  let doc: vscode.TextDocument;

  before(async function () {
    doc = await openFixture('OrderController.php');
    await activeExtension();
  });

  it('explains 409 in response()->json([...], 409)', async function () {
    assert.equal(doc.languageId, 'php');
    const pos = positionIn(doc, "order'], 409)", '409');
    const text = await waitFor(
      async () => {
        const t = await hoverText(doc.uri, pos);
        return t.includes('409 Conflict') ? t : undefined;
      },
      45_000,
      'a hover containing "409 Conflict" on 409',
    );
    assert.match(text, /rfc9110/i, `no link to RFC 9110 in the hover: ${JSON.stringify(text)}`);
  });

  it('does not hover the page size in paginate(15)', async function () {
    await waitFor(async () => (await hoverText(doc.uri, positionIn(doc, "order'], 409)", '409'))).includes('409 Conflict'), 20_000, 'the server to answer');
    const text = await hoverText(doc.uri, positionIn(doc, 'paginate(15)', '15'));
    assert.doesNotMatch(text, /Conflict|rfc9110|HTTP status/i, `a hover on paginate(15): ${JSON.stringify(text)}`);
  });
});
