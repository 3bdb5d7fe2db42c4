// The real server over stdio with a Go document: the grammar loads on first use, the Go adapter
// answers hovers (a number and an http.StatusX constant), none over the port, and the rules see
// Gin's error body sent with 200 OK.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { LspClient } from '../helpers/lsp';

const gin = `package main

import (
	"net/http"

	"github.com/gin-gonic/gin"
)

func main() {
	r := gin.Default()
	r.POST("/orders", func(c *gin.Context) {
		if err := save(c); err != nil {
			c.JSON(http.StatusOK, gin.H{"error": "could not save"})
			return
		}
		c.Header("Location", "/orders/1")
		c.JSON(201, gin.H{"id": 1})
	})
	r.Run(":8080")
}
`;

type Hover = { contents: { kind: string; value: string }; range: unknown } | null;

test('hover over c.JSON(201, ...) and http.StatusOK over stdio; none over the port', async () => {
  const client = new LspClient();
  try {
    await client.initialize();
    const uri = 'file:///lsp/main.go';
    await client.open(uri, 'go', gin);
    const created = await client.request<Hover>('textDocument/hover', { textDocument: { uri }, position: { line: 16, character: 11 } });
    assert.ok(created, 'a hover over 201');
    assert.match(created.contents.value, /^\*\*201 Created\*\*/);
    assert.deepEqual(created.range, { start: { line: 16, character: 9 }, end: { line: 16, character: 12 } });
    const ok = await client.request<Hover>('textDocument/hover', { textDocument: { uri }, position: { line: 12, character: 16 } });
    assert.ok(ok, 'a hover over http.StatusOK');
    assert.match(ok.contents.value, /^\*\*200 OK\*\*/);
    assert.match(ok.contents.value, /StatusOK/);
    const port = await client.request<Hover>('textDocument/hover', { textDocument: { uri }, position: { line: 18, character: 10 } });
    assert.equal(port, null);
  } finally {
    await client.stop();
  }
});

test('an error body sent with http.StatusOK is pushed as a diagnostic with a status fix', async () => {
  const client = new LspClient();
  try {
    await client.initialize();
    const uri = 'file:///lsp/orders.go';
    await client.open(uri, 'go', gin);
    const p = await client.waitFor<PublishDiagnosticsParams>(() => {
      const d = client.diagnostics.get(uri);
      return d && d.diagnostics.length ? d : undefined;
    }, 10_000, 'diagnostics for the Go file');
    const d = p.diagnostics.find((x: Diagnostic) => x.code === 'error-body-with-success');
    assert.ok(d, `error-body-with-success among ${JSON.stringify(p.diagnostics.map((x) => x.code))}`);
    assert.deepEqual(d.range, { start: { line: 12, character: 10 }, end: { line: 12, character: 23 } });
    const actions = await client.request<{ title: string; isPreferred?: boolean; edit?: { changes?: Record<string, { newText: string }[]> } }[]>('textDocument/codeAction', { textDocument: { uri }, range: d.range, context: { diagnostics: [d] } });
    const fix = actions.find((a) => a.isPreferred);
    assert.equal(fix?.title, 'Change the status to 500 Internal Server Error');
    assert.equal(fix?.edit?.changes?.[uri]?.[0].newText, 'http.StatusInternalServerError');
  } finally {
    await client.stop();
  }
});
