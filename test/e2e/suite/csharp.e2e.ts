// Hover in a real VS Code on a C# file: VS Code's own `csharp` language id reaches our server,
// the C# grammar loads, and ASP.NET Core's statuses get our explanation (a number, a
// StatusCodes constant, a helper like NotFound()) while the delay next to them gets none of it.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activeExtension, hoverText, openFixture, positionIn, waitForHover } from './util';

describe('csharp hover', function () {
  this.timeout(60_000);

  let doc: vscode.TextDocument;

  before(async function () {
    doc = await openFixture('BooksController.cs');
    await activeExtension();
  });

  it('opens BooksController.cs as csharp', function () {
    assert.equal(doc.languageId, 'csharp');
  });

  it('explains 409 in StatusCode(409)', async function () {
    const text = await waitForHover(doc.uri, positionIn(doc, 'StatusCode(409)', '409'), '409 Conflict');
    assert.match(text, /rfc9110/i, `no RFC 9110 link in the hover: ${JSON.stringify(text)}`);
  });

  it('explains StatusCodes.Status201Created and NotFound()', async function () {
    await waitForHover(doc.uri, positionIn(doc, 'StatusCodes.Status201Created', 'Status201Created'), '201 Created');
    await waitForHover(doc.uri, positionIn(doc, 'NotFound()', 'NotFound'), '404 Not Found');
  });

  // After the positive cases the server is known to answer for this document.
  it('does not hover the delay in Task.Delay(500)', async function () {
    const text = await hoverText(doc.uri, positionIn(doc, 'Delay(500)', '500'));
    assert.doesNotMatch(text, /HTTP status|status code|rfc9110|Internal Server Error/i, `a hover on the delay: ${JSON.stringify(text)}`);
  });
});
