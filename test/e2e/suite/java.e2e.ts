// Hover in a real VS Code on a Java file: VS Code's own `java` language id reaches our server,
// the Java grammar loads, and Spring's statuses get our explanation (a number, an HttpStatus
// constant, a factory like notFound()) while the sleep next to them gets none of it.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activeExtension, hoverText, openFixture, positionIn, waitForHover } from './util';

describe('java hover', function () {
  this.timeout(60_000);

  let doc: vscode.TextDocument;

  before(async function () {
    doc = await openFixture('BookController.java');
    await activeExtension();
  });

  it('opens BookController.java as java', function () {
    assert.equal(doc.languageId, 'java');
  });

  it('explains 409 in ResponseEntity.status(409)', async function () {
    const text = await waitForHover(doc.uri, positionIn(doc, 'status(409)', '409'), '409 Conflict');
    assert.match(text, /rfc9110/i, `no RFC 9110 link in the hover: ${JSON.stringify(text)}`);
  });

  it('explains HttpStatus.CREATED and ResponseEntity.notFound()', async function () {
    await waitForHover(doc.uri, positionIn(doc, 'HttpStatus.CREATED', 'CREATED'), '201 Created');
    await waitForHover(doc.uri, positionIn(doc, 'ResponseEntity.notFound()', 'notFound'), '404 Not Found');
  });

  // After the positive cases the server is known to answer for this document.
  it('does not hover the delay in Thread.sleep(500)', async function () {
    const text = await hoverText(doc.uri, positionIn(doc, 'sleep(500)', '500'));
    assert.doesNotMatch(text, /HTTP status|status code|rfc9110|Internal Server Error/i, `a hover on the delay: ${JSON.stringify(text)}`);
  });
});
