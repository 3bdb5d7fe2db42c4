// Hover in a real VS Code on a Rust file: VS Code's own `rust` language id reaches our server,
// the Rust grammar loads, and axum's StatusCode::CONFLICT gets our explanation while the port in
// SocketAddr::from(([127, 0, 0, 1], 3000)) gets none of it.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activeExtension, hoverText, openFixture, positionIn, waitForHover } from './util';

describe('rust hover', function () {
  this.timeout(60_000);

  let doc: vscode.TextDocument;

  before(async function () {
    doc = await openFixture('todos.rs');
    await activeExtension();
  });

  it('opens todos.rs as rust', function () {
    assert.equal(doc.languageId, 'rust');
  });

  it('explains StatusCode::CONFLICT in an axum tuple', async function () {
    const text = await waitForHover(doc.uri, positionIn(doc, 'StatusCode::CONFLICT', 'CONFLICT'), '409 Conflict');
    assert.match(text, /rfc9110/i, `no RFC 9110 link in the hover: ${JSON.stringify(text)}`);
  });

  it('explains StatusCode::CREATED', async function () {
    await waitForHover(doc.uri, positionIn(doc, 'StatusCode::CREATED', 'CREATED'), '201 Created');
  });

  // After the positive cases the server is known to answer for this document.
  it('does not hover the port in SocketAddr::from(...)', async function () {
    const text = await hoverText(doc.uri, positionIn(doc, '1], 3000', '3000'));
    assert.doesNotMatch(text, /HTTP status|status code|rfc9110|Internal Server Error/i, `a hover on the port: ${JSON.stringify(text)}`);
  });
});
