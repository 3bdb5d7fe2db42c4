// The real server over stdio with a C# document: hover on statuses in a controller (a number,
// a StatusCodes constant, a helper), nothing on a delay.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LspClient } from '../helpers/lsp';

const source = `using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

[ApiController]
public class OrdersController : ControllerBase
{
    [HttpPost]
    public async Task<IActionResult> Create(Order order)
    {
        await Task.Delay(500);
        if (await _db.ExistsAsync(order.Id)) return Conflict(new { error = "exists" });
        if (order.Total < 0) return StatusCode(StatusCodes.Status422UnprocessableEntity);
        return StatusCode(201, order);
    }
}
`;

interface Hover {
  contents: { kind: string; value: string };
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
}

test('hover over C# statuses over stdio; none over a delay', async () => {
  const client = new LspClient();
  try {
    await client.initialize();
    const uri = 'file:///lsp/OrdersController.cs';
    await client.open(uri, 'csharp', source);
    const created = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line: 12, character: 27 } });
    assert.ok(created, 'a hover over 201');
    assert.match(created.contents.value, /^\*\*201 Created\*\*/);
    assert.deepEqual(created.range, { start: { line: 12, character: 26 }, end: { line: 12, character: 29 } });
    const conflict = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line: 10, character: 56 } });
    assert.ok(conflict, 'a hover over the Conflict( helper');
    assert.match(conflict.contents.value, /^\*\*409 Conflict\*\*/);
    const constant = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line: 11, character: 70 } });
    assert.ok(constant, 'a hover over StatusCodes.Status422UnprocessableEntity');
    assert.match(constant.contents.value, /^\*\*422 /);
    const delay = await client.request('textDocument/hover', { textDocument: { uri }, position: { line: 9, character: 26 } });
    assert.equal(delay, null);
  } finally {
    await client.stop();
  }
});
