// The real server over stdio with a Rust document: the grammar loads on first use, the Rust
// adapter answers hovers (an axum tuple's StatusCode and an actix builder), none over the
// socket address, and the rules see a 201 without Location.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { LspClient } from '../helpers/lsp';

const axum = `use axum::{http::StatusCode, response::IntoResponse, routing::post, Json, Router};
use std::net::SocketAddr;

async fn create(Json(todo): Json<Todo>) -> impl IntoResponse {
    (StatusCode::CREATED, Json(todo))
}

#[tokio::main]
async fn main() {
    let app = Router::new().route("/todos", post(create));
    let addr = SocketAddr::from(([127, 0, 0, 1], 3000));
    serve(app, addr).await;
}
`;

type Hover = { contents: { kind: string; value: string }; range: unknown } | null;

test('hover over StatusCode::CREATED over stdio; none over the socket address', async () => {
  const client = new LspClient();
  try {
    await client.initialize();
    const uri = 'file:///lsp/main.rs';
    await client.open(uri, 'rust', axum);
    const created = await client.request<Hover>('textDocument/hover', { textDocument: { uri }, position: { line: 4, character: 20 } });
    assert.ok(created, 'a hover over StatusCode::CREATED');
    assert.match(created.contents.value, /^\*\*201 Created\*\*/);
    assert.deepEqual(created.range, { start: { line: 4, character: 5 }, end: { line: 4, character: 24 } });
    const port = await client.request<Hover>('textDocument/hover', { textDocument: { uri }, position: { line: 10, character: 51 } });
    assert.equal(port, null);
    const local = await client.request<Hover>('textDocument/hover', { textDocument: { uri }, position: { line: 10, character: 36 } });
    assert.equal(local, null);
  } finally {
    await client.stop();
  }
});

test('a 201 tuple without Location is pushed with a fix that adds the header part', async () => {
  const client = new LspClient();
  try {
    await client.initialize();
    const uri = 'file:///lsp/todos.rs';
    await client.open(uri, 'rust', axum);
    const p = await client.waitFor<PublishDiagnosticsParams>(() => {
      const d = client.diagnostics.get(uri);
      return d && d.diagnostics.length ? d : undefined;
    }, 10_000, 'diagnostics for the Rust file');
    const d = p.diagnostics.find((x: Diagnostic) => x.code === 'created-without-location');
    assert.ok(d, `created-without-location among ${JSON.stringify(p.diagnostics.map((x) => x.code))}`);
    assert.deepEqual(d.range, { start: { line: 4, character: 5 }, end: { line: 4, character: 24 } });
    const actions = await client.request<{ title: string; edit?: { changes?: Record<string, { newText: string }[]> } }[]>('textDocument/codeAction', { textDocument: { uri }, range: d.range, context: { diagnostics: [d] } });
    const add = actions.find((a) => /Location/.test(a.title));
    assert.ok(add, `a fix adding Location among ${JSON.stringify(actions.map((a) => a.title))}`);
    assert.match(add.edit?.changes?.[uri]?.[0].newText ?? '', /^\[\("location", ".*"\)\], $/);
  } finally {
    await client.stop();
  }
});
