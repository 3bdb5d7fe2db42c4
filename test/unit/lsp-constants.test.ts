// The shared analysis writes LSP enum values from its own small table (server/src/lspConstants.ts)
// so the CLI bundles need no LSP library; each value must be the protocol's.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as lsp from 'vscode-languageserver';
import * as ours from '../../server/src/lspConstants';

for (const [name, table] of Object.entries(ours)) {
  test(`${name}: every value is the protocol's`, () => {
    const real = (lsp as unknown as Record<string, Record<string, unknown>>)[name];
    assert.ok(real, `vscode-languageserver exports ${name}`);
    for (const [key, value] of Object.entries(table)) assert.equal(value, real[key], `${name}.${key}`);
  });
}
