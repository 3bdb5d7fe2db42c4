// Old constant names: the ones their library deprecates are reported with the Deprecated tag
// (editors strike them through); names a library keeps as plain aliases (ASP.NET Core's
// Status413RequestEntityTooLarge, the Servlet API's SC_MOVED_TEMPORARILY, Python's
// HTTPStatus.REQUEST_ENTITY_TOO_LARGE) get the rename suggestion without the strikethrough.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DiagnosticTag } from 'vscode-languageserver';
import { doValidate } from '../../server/src/features/diagnostics';
import { withContext } from './rules-harness';

async function oldName(source: string, languageId: string, ext: string, name: string) {
  return withContext(source, languageId, `file:///project/src/app.${ext}`, undefined, (ctx) => {
    const found = doValidate(ctx).filter((d) => d.code === 'deprecated-code-or-name');
    const d = found.find((x) => ctx.document.getText(x.range) === name);
    assert.ok(d, `${name} is reported (got: ${found.map((x) => ctx.document.getText(x.range)).join(', ') || 'nothing'})`);
    return d;
  });
}

test('Spring HttpStatus.MOVED_TEMPORARILY is deprecated: struck through', async () => {
  const d = await oldName(
    'import org.springframework.http.HttpStatus;\nimport org.springframework.http.ResponseEntity;\nclass C {\n  ResponseEntity<Void> go() {\n    return ResponseEntity.status(HttpStatus.MOVED_TEMPORARILY).header("Location", "/x").build();\n  }\n}\n',
    'java', 'java', 'HttpStatus.MOVED_TEMPORARILY',
  );
  assert.deepEqual(d.tags, [DiagnosticTag.Deprecated]);
  assert.match(d.message, /deprecated name/);
});

test('Rack :unprocessable_entity is deprecated from Rack 3.1: struck through', async () => {
  const d = await oldName(
    "class ItemsController < ApplicationController\n  def create\n    render json: { errors: ['x'] }, status: :unprocessable_entity\n  end\nend\n",
    'ruby', 'rb', ':unprocessable_entity',
  );
  assert.deepEqual(d.tags, [DiagnosticTag.Deprecated]);
});

test('ASP.NET Core Status413RequestEntityTooLarge is an alias: reported without strikethrough', async () => {
  const d = await oldName(
    'using Microsoft.AspNetCore.Http;\nusing Microsoft.AspNetCore.Mvc;\n[ApiController]\npublic class UploadsController : ControllerBase {\n  [HttpPost("/uploads")]\n  public IActionResult Create() {\n    return StatusCode(StatusCodes.Status413RequestEntityTooLarge, new { error = "too large" });\n  }\n}\n',
    'csharp', 'cs', 'StatusCodes.Status413RequestEntityTooLarge',
  );
  assert.equal(d.tags, undefined);
  assert.match(d.message, /older name .*Status413PayloadTooLarge.*alias/);
});

test('Python HTTPStatus.REQUEST_ENTITY_TOO_LARGE is an alias: reported without strikethrough', async () => {
  const d = await oldName(
    "from http import HTTPStatus\nfrom flask import Flask, jsonify\napp = Flask(__name__)\n@app.post('/uploads')\ndef upload():\n    return jsonify({'error': 'too large'}), HTTPStatus.REQUEST_ENTITY_TOO_LARGE\n",
    'python', 'py', 'HTTPStatus.REQUEST_ENTITY_TOO_LARGE',
  );
  assert.equal(d.tags, undefined);
});
