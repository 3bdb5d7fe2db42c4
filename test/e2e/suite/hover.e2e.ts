// Hover in a real VS Code: the extension activates on a JavaScript file, its language server
// starts, and VS Code's own hover command returns our text. Also checks that numbers which are
// not status codes get no hover from us (other providers may still hover there).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activeExtension, hoverText, openFixture, positionIn, report, waitForHover } from './util';

/** Texts only our hover would contain; none may appear on a number that is not a status code. */
const OUR_TEXTS = [/\bConflict\b/, /Internal Server Error/, /rfc9110/i, /status code/i, /HTTP status/i];

/** A link (Markdown or bare) into RFC 9110. */
const RFC9110_LINK = /https?:\/\/[^\s)\]]*rfc9110[^\s)\]]*/i;

function assertNotOurs(text: string, where: string): void {
  for (const re of OUR_TEXTS) {
    assert.doesNotMatch(text, re, `a hover at ${where} mentions ${re}: ${JSON.stringify(text)}`);
  }
}

describe('hover', function () {
  // The first hover waits for activation, the server and the grammar wasm to load.
  this.timeout(60_000);

  let express: vscode.TextDocument;

  before(async function () {
    express = await openFixture('express.js');
    const ext = await activeExtension();
    report(`  extension under test: ${ext.id} ${ext.packageJSON.version} from ${ext.extensionPath}`);
  });

  it('explains 409 in res.status(409) with a link to RFC 9110', async function () {
    const text = await waitForHover(express.uri, positionIn(express, 'res.status(409)', '409'), '409 Conflict');
    assert.match(text, RFC9110_LINK, `no link to RFC 9110 in the hover: ${JSON.stringify(text)}`);
  });

  it('explains StatusCodes.CONFLICT in a TypeScript file', async function () {
    const doc = await openFixture('constants.ts');
    const text = await waitForHover(doc.uri, positionIn(doc, 'StatusCodes.CONFLICT', 'CONFLICT'), '409 Conflict');
    assert.match(text, RFC9110_LINK, `no link to RFC 9110 in the hover: ${JSON.stringify(text)}`);
  });

  describe('numbers that are not status codes', function () {
    // Only meaningful once the server answers for this very document: then an answer without
    // our text means "not a status code", not "not started yet".
    before(async function () {
      await openFixture('express.js');
      await waitForHover(express.uri, positionIn(express, 'res.status(409)', '409'), '409 Conflict');
    });

    it('gets no hover of ours on the port in app.listen(3000)', async function () {
      const text = await hoverText(express.uri, positionIn(express, 'app.listen(3000)', '3000'));
      assertNotOurs(text, 'app.listen(3000)');
    });

    it('gets no hover of ours on the delay in setTimeout(flush, 500)', async function () {
      const text = await hoverText(express.uri, positionIn(express, 'setTimeout(flush, 500)', '500'));
      assertNotOurs(text, 'setTimeout(flush, 500)');
    });
  });
});
