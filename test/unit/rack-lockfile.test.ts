// A Rails project's Gemfile.lock decides which Rack symbols are right: below Rack 3.1 the new
// names (:unprocessable_content, :content_too_large) raise, so completion and fixes write the old
// ones and deprecated-code-or-name stays quiet about them; from 3.1 on the old names are reported.
// Real files in a temporary project, read the way the server and the CLI read them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { TextEdit } from 'vscode-languageserver';
import { analyze } from '../helpers/analyze';
import { doComplete } from '../../server/src/features/completion';
import { doValidate } from '../../server/src/features/diagnostics';
import { rackInLockfile } from '../../server/src/languages/ruby/rackVersion';

const CONTROLLER = 'class PostsController < ApplicationController\n  def create\n    render json: @post.errors, status: :unprocessable_entity\n  end\n  def update\n    head \n  end\nend\n';
const FRESH = 'class PostsController < ApplicationController\n  def update\n    head \n  end\nend\n';

function lockfile(rack: string): string {
  return `GEM\n  remote: https://rubygems.org/\n  specs:\n    rack (${rack})\n    rack-session (2.0.0)\n      rack (>= 3.0.0)\n    rails (7.1.3)\n\nPLATFORMS\n  ruby\n\nDEPENDENCIES\n  rails (~> 7.1)\n`;
}

function project(rack: string | undefined, file: string, text: string): string {
  const root = mkdtempSync(join(tmpdir(), 'rack-lock-'));
  if (rack) writeFileSync(join(root, 'Gemfile.lock'), lockfile(rack));
  const dir = join(root, 'app', 'controllers');
  mkdirSync(dir, { recursive: true });
  const path = join(dir, file);
  writeFileSync(path, text);
  return pathToFileURL(path).toString();
}

async function run(rack: string | undefined, text: string, file: string) {
  const uri = project(rack, file, text);
  const a = await analyze(text, 'ruby', uri);
  const reported = doValidate(a.ctx).filter((d) => d.code === 'deprecated-code-or-name').map((d) => a.document.getText(d.range));
  const at = text.indexOf('head ') + 'head '.length;
  const items = doComplete(a.ctx, at);
  const written = (label: string) => (items.find((i) => i.label === label)?.textEdit as TextEdit | undefined)?.newText;
  return { reported, written };
}

test('the Rack version is read from the GEM specs of a Gemfile.lock', () => {
  assert.deepEqual(rackInLockfile(lockfile('2.2.8.1')), { major: 2, minor: 2 });
  assert.deepEqual(rackInLockfile(lockfile('3.1.7').replace(/\n/g, '\r\n')), { major: 3, minor: 1 });
  // A dependency line (six spaces, a requirement) is not the locked version.
  assert.equal(rackInLockfile('GEM\n  specs:\n    rack-session (2.0.0)\n      rack (>= 3.0.0)\n'), undefined);
});

test('locked below Rack 3.1: the old symbols are right, nothing reported, completion writes them', async () => {
  const { reported, written } = await run('2.2.8', CONTROLLER, 'posts_controller.rb');
  assert.deepEqual(reported, []);
  assert.equal(written('422 Unprocessable Content'), ':unprocessable_entity');
  // Even in a file that has not written a status symbol yet.
  const fresh = await run('3.0.9', FRESH, 'fresh_controller.rb');
  assert.equal(fresh.written('422 Unprocessable Content'), ':unprocessable_entity');
  assert.equal(fresh.written('413 Content Too Large'), ':payload_too_large');
});

test('locked at Rack 3.1 or later: the old symbol is reported and completion writes the new names', async () => {
  const { reported, written } = await run('3.1.7', CONTROLLER, 'posts_controller.rb');
  assert.deepEqual(reported, [':unprocessable_entity']);
  assert.equal(written('422 Unprocessable Content'), ':unprocessable_content');
});

test('without a Gemfile.lock the file decides, as before', async () => {
  const { reported, written } = await run(undefined, CONTROLLER, 'posts_controller.rb');
  assert.deepEqual(reported, [':unprocessable_entity']);
  assert.equal(written('422 Unprocessable Content'), ':unprocessable_entity');
  const fresh = await run(undefined, FRESH, 'fresh_controller.rb');
  assert.equal(fresh.written('422 Unprocessable Content'), ':unprocessable_content');
});
