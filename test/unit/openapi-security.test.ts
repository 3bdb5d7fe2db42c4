// openapi-unauthorized-without-challenge needs to know whether security applies to an
// operation: its own `security`, else the document's.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../helpers/analyze';
import { doValidate } from '../../server/src/features/diagnostics';

const spec = (top: string, opSecurity: string) => `openapi: 3.0.3
info:
  title: Shop
  version: '1'
${top}paths:
  /orders:
    get:
${opSecurity}      responses:
        '200':
          description: ok
        '401':
          description: sign in first
`;

async function fires(text: string): Promise<boolean> {
  const a = await analyze(text, 'yaml', `file:///spec${Math.random()}.yaml`);
  assert.ok(a.model.handlers.length === 1, 'the operation is read');
  return doValidate(a.ctx).some((d) => d.code === 'openapi-unauthorized-without-challenge');
}

test('a 401 on an operation without any security requirement is reported', async () => {
  assert.equal(await fires(spec('', '')), true);
});

test('a document-wide security requirement applies: quiet', async () => {
  assert.equal(await fires(spec('security:\n  - bearerAuth: []\n', '')), false);
});

test('an operation that turns security off with security: [] is reported again', async () => {
  assert.equal(await fires(spec('security:\n  - bearerAuth: []\n', '      security: []\n')), true);
});

test('an operation with its own requirement: quiet', async () => {
  assert.equal(await fires(spec('', '      security:\n        - apiKey: []\n')), false);
});
