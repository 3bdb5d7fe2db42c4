// Hover in a real VS Code on a Go file: VS Code's own `go` language id reaches our server, the
// Go grammar loads, and Gin's c.JSON(409, ...) and http.StatusCreated get our explanation while
// the port in r.Run(":8080") gets none of it.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activeExtension, hoverText, openFixture, positionIn, waitForHover } from './util';

describe('go hover', function () {
  this.timeout(60_000);

  let doc: vscode.TextDocument;

  before(async function () {
    doc = await openFixture('orders.go');
    await activeExtension();
  });

  it('opens orders.go as go', function () {
    assert.equal(doc.languageId, 'go');
  });

  it('explains 409 in c.JSON(409, ...)', async function () {
    const text = await waitForHover(doc.uri, positionIn(doc, 'c.JSON(409', '409'), '409 Conflict');
    assert.match(text, /rfc9110/i, `no RFC 9110 link in the hover: ${JSON.stringify(text)}`);
  });

  it('explains http.StatusCreated', async function () {
    await waitForHover(doc.uri, positionIn(doc, 'http.StatusCreated', 'StatusCreated'), '201 Created');
  });

  // After the positive cases the server is known to answer for this document.
  it('does not hover the port in r.Run(":8080")', async function () {
    const text = await hoverText(doc.uri, positionIn(doc, ':8080', '8080'));
    assert.doesNotMatch(text, /HTTP status|status code|rfc9110|Internal Server Error/i, `a hover on the port: ${JSON.stringify(text)}`);
  });
});
