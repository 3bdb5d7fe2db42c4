// The rules over Python fixtures (Flask, FastAPI, Django): expected findings on their ranges,
// quiet look-alikes, and the quick fixes applied.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { fixturePath } from '../helpers/analyze';
import { checkFixture, diagnose, fixtureFiles, fixTests, fixtureUri } from './rules-harness';

for (const file of fixtureFiles('rules', 'python')) {
  test(`rules on python/${basename(file)}`, async () => {
    const problems = await checkFixture(file);
    assert.deepEqual(problems, [], problems.join('\n'));
  });
}

fixTests('rules', 'python', 'fixes');

// The caught exception object in a JSON body: what the message says must be what the framework
// does with it. Flask's, Django's and Starlette's encoders raise TypeError; FastAPI's
// jsonable_encoder sends the object's attributes; json.dumps(default=str) and a template send it.
test('error-details-leak says what becomes of an exception object in the body', async () => {
  const messages = async (name: string) => {
    const file = fixturePath('rules', 'python', name);
    const text = readFileSync(file, 'utf8');
    const lines = text.split('\n');
    const found = await diagnose(text, 'python', fixtureUri(file));
    return found.filter((d) => d.code === 'error-details-leak').map((d) => [lines[d.range.start.line].trim(), d.message]);
  };
  const fails = /^(e|exc) is the exception object itself, which the JSON encoder cannot serialise: the request ends in a TypeError .*str\((e|exc)\) would send the exception's message/;
  const fields = /^e is the exception object itself: the JSON encoder sends its attributes, not its message/;
  const sent = /^The response sends the raw exception object to the client/;
  const raw = /^500 Internal Server Error sends the raw message of an unexpected error/;
  const flask = await messages('error-details-leak-exception-object.py');
  const expected: [string, RegExp][] = [
    ['return jsonify({"error": e}), 500', fails],
    ['return {"error": e}, 500', fails],
    ['return jsonify(error=exc, code="E_LOAD"), 500', fails],
    ['return json.dumps({"error": e}, default=str), 500', sent],
    ['return render_template("error.html", error=e), 500', sent],
    ['return jsonify({"error": str(e)}), 500', raw],
  ];
  assert.equal(flask.length, expected.length, JSON.stringify(flask, null, 1));
  expected.forEach(([line, re], i) => {
    assert.equal(flask[i][0], line);
    assert.match(flask[i][1], re, line);
  });
  const fastapi = await messages('error-details-leak-fastapi.py');
  assert.deepEqual(fastapi.map(([line]) => line), ['return JSONResponse({"error": e}, status_code=500)', 'return JSONResponse(jsonable_encoder({"error": e}), status_code=500)', 'return {"error": e, "stats": None}']);
  assert.match(fastapi[0][1], fails);
  assert.match(fastapi[1][1], fields);
  assert.match(fastapi[2][1], fields);
});
