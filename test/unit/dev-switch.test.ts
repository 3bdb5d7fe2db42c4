// Which branch of `cond ? a : b` (or `a if cond else b`) only development takes: the leak rule
// looks only into the other one.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { devBranchIsFirst } from '../../server/src/devSwitch';

test('conditions that choose the development branch first', () => {
  for (const c of ['isDev', "process.env.NODE_ENV === 'development'", "process.env.NODE_ENV !== 'production'", 'settings.DEBUG', 'app.debug', 'Rails.env.development?', "config('app.debug')", '!isProd', 'env.IsDevelopment()']) {
    assert.equal(devBranchIsFirst(c), true, c);
  }
});

test('conditions that choose the development branch second', () => {
  for (const c of ['!isDev', "process.env.NODE_ENV === 'production'", "process.env.NODE_ENV !== 'development'", 'not settings.DEBUG', "env == 'prod'", 'isProduction']) {
    assert.equal(devBranchIsFirst(c), false, c);
  }
});

test('conditions that name no development switch', () => {
  for (const c of ['user.isAdmin', 'err instanceof ValidationError', 'retries > 3', 'developer.active']) {
    assert.equal(devBranchIsFirst(c), undefined, c);
  }
});
