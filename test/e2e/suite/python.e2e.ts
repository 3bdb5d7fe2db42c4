// Hover in a real VS Code on a Python file: VS Code's own `python` language id reaches our
// server, the Python grammar loads, and the Flask tuple status gets our explanation while the
// port in app.run(port=5000) gets none of it.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activeExtension, hoverText, openFixture, positionIn, waitForHover } from './util';

describe('python hover', function () {
  this.timeout(60_000);

  let doc: vscode.TextDocument;

  before(async function () {
    doc = await openFixture('app.py');
    await activeExtension();
  });

  it('opens app.py as python', function () {
    assert.equal(doc.languageId, 'python');
  });

  it('explains 409 in `return jsonify(...), 409`', async function () {
    const text = await waitForHover(doc.uri, positionIn(doc, "order'), 409", '409'), '409 Conflict');
    assert.match(text, /rfc9110/i, `no RFC 9110 link in the hover: ${JSON.stringify(text)}`);
  });

  it('explains HTTPStatus.NO_CONTENT', async function () {
    await waitForHover(doc.uri, positionIn(doc, 'HTTPStatus.NO_CONTENT', 'NO_CONTENT'), '204 No Content');
  });

  // After the positive cases the server is known to answer for this document.
  it('does not hover the port in app.run(port=5000)', async function () {
    const text = await hoverText(doc.uri, positionIn(doc, 'port=5000', '5000'));
    assert.doesNotMatch(text, /HTTP status|status code|rfc9110|Internal Server Error/i, `a hover on the port: ${JSON.stringify(text)}`);
  });
});
