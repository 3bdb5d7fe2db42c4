// Regular expressions over document text stay linear: adversarial lines of 100,000 characters
// (brackets, quotes, backslashes, `a.a.a...`, a name repeated without a semicolon, runs of
// spaces, digits and blank lines) go through the real adapters and features, and each step must
// finish within a few seconds and throw nothing. A catastrophic pattern takes minutes or hours on
// these inputs, so the bound is a safety check, not a performance figure (issue 7 measures those).
// The cases run in worker threads: a pattern that never returns blocks its thread, and the
// watchdog here ends it and fails the test instead of hanging the run. Tree-sitter's own parse
// happens before the timed steps; DocumentStore bounds it (PARSE_TIME_LIMIT_MS, and a document
// that runs out of time is skipped: test/lsp/parse-time.test.ts), so payloads slow to parse would
// only test the skipped path here, at the limit's cost each: FEATURE_PAYLOADS leaves them out.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { DocumentStore } from '../../server/src/documents';
import { adapterFor } from '../../server/src/languages/registry';
import { doHover } from '../../server/src/features/hover';
import { doComplete } from '../../server/src/features/completion';
import { doValidate } from '../../server/src/features/diagnostics';
import { featureContextFor } from '../helpers/featureContext';
import { watchedWorker } from '../helpers/watchedWorker';
import { skipReason } from '../../server/src/skip';
import { normalizeLanguageId } from '../../server/src/languageIds';
import { TEMPLATES, VOCABULARIES, deepJavaScript, payloads, fill, type Template } from './regex-safety-inputs';

const BOUND_MS = 5_000;
/** A case still running after this long is stuck, not slow. */
const HANG_MS = 60_000;
const N = 100_000;
/** Levels of nesting in the deep documents (chains and negations are longer: see deepJavaScript). */
const DEPTH = 2_000;

interface Job {
  kind: 'text' | 'features' | 'deep';
  key: string;
  where: 'C' | 'L';
  names: string[];
}
type Message = { phase: 'start'; name: string } | { phase: 'end'; name: string; timings: Record<string, number>; error?: string } | { phase: 'done' };

// Payloads this grammar parses in reasonable time; the text-level test takes all of them.
const FEATURE_PAYLOADS = ['paren', 'dots', 'HttpStatus', 'spaces', 'spacedNegation', 'digits', 'blankLines', 'imports', 'equals', 'quoteBackslashes'];

// ---- in the worker: run the steps and report their times ----

function time(timings: Record<string, number>, step: string, fn: () => void): void {
  const started = performance.now();
  fn();
  timings[step] = performance.now() - started;
}

/** Completion slots and import edits read the text with regexes whatever the parser makes of it: no tree. */
function textCase(t: Template, payload: string, timings: Record<string, number>): void {
  const text = fill(t, 'L', payload);
  const uri = `file:///safety/text.${t.ext}`;
  const adapter = adapterFor(t.languageId, uri, text);
  if (!adapter) throw new Error(`no adapter serves ${t.key}`);
  const input = { uri, languageId: t.languageId, text };
  const at = text.indexOf(payload);
  const offsets = [at + payload.length, at + (payload.length >> 1), at + payload.length + t.slot.length, text.length];
  time(timings, 'slotAt', () => offsets.forEach((o) => adapter.slotAt?.(input, o)));
  time(timings, 'importEdit', () => VOCABULARIES.forEach((v) => adapter.importEdit?.(input, v)));
  time(timings, 'skip and language checks', () => {
    skipReason(text, uri, 2 * 1024 * 1024);
    normalizeLanguageId('', `file:///safety/${payload.slice(0, 2000)}.${t.ext}`, () => false);
  });
}

const store = new DocumentStore();

/** Parses (untimed), then times the adapter's extraction and every feature over the document. */
async function featureCase(t: Template, where: 'C' | 'L', payload: string, timings: Record<string, number>): Promise<void> {
  const text = fill(t, where, payload);
  const uri = `file:///safety/features-${where}.${t.ext}`;
  const entry = store.open(uri, t.languageId, 1, text);
  try {
    await store.ensureParsed(entry);
    let model = store.model(entry);
    entry.model = undefined;
    time(timings, 'extract', () => (model = store.model(entry)));
    const ctx = featureContextFor(entry, model);
    const { settings } = ctx;
    const at = text.indexOf(payload);
    const offsets = [at + payload.length + t.slot.length, at + (payload.length >> 1), text.indexOf(t.site) + 1];
    time(timings, 'hover', () => offsets.forEach((o) => doHover(entry.doc, model, o, settings)));
    time(timings, 'completion', () => offsets.forEach((o) => doComplete(ctx, o)));
    time(timings, 'import edits', () => VOCABULARIES.forEach((v) => ctx.importEdit(v)));
    time(timings, 'diagnostics', () => doValidate(ctx));
  } finally {
    store.close(uri);
  }
}

/**
 * A whole deeply nested document (deepJavaScript): extraction and the features, with hover and
 * completion asked at the first status, the deepest `status(` and the middle.
 */
async function deepCase(languageId: string, ext: string, text: string, timings: Record<string, number>): Promise<void> {
  const uri = `file:///safety/deep.${ext}`;
  const entry = store.open(uri, languageId, 1, text);
  try {
    await store.ensureParsed(entry);
    let model = store.model(entry);
    entry.model = undefined;
    time(timings, 'extract', () => (model = store.model(entry)));
    assert.ok(model.sites.length > 0, 'the statuses are found');
    const ctx = featureContextFor(entry, model);
    const { settings } = ctx;
    const offsets = [text.indexOf('status(') + 8, text.lastIndexOf('status(') + 7, text.length >> 1];
    time(timings, 'hover', () => offsets.forEach((o) => doHover(entry.doc, model, o, settings)));
    time(timings, 'completion', () => offsets.forEach((o) => doComplete(ctx, o)));
    time(timings, 'diagnostics', () => doValidate(ctx));
  } finally {
    store.close(uri);
  }
}

async function runJob(job: Job): Promise<void> {
  const t = TEMPLATES.find((x) => x.key === job.key);
  const all = payloads(N);
  const deep = deepJavaScript(DEPTH);
  for (const name of job.names) {
    parentPort!.postMessage({ phase: 'start', name } satisfies Message);
    const timings: Record<string, number> = {};
    let error: string | undefined;
    try {
      if (job.kind === 'deep') await deepCase(job.key, job.key === 'typescript' ? 'ts' : 'js', deep[name], timings);
      else if (job.kind === 'text') textCase(t!, all[name], timings);
      else await featureCase(t!, job.where, all[name], timings);
    } catch (e) {
      error = e instanceof Error ? (e.stack ?? e.message) : String(e);
    }
    parentPort!.postMessage({ phase: 'end', name, timings, error } satisfies Message);
  }
  parentPort!.postMessage({ phase: 'done' } satisfies Message);
}

// ---- in the test runner: one worker per template and kind, watched ----

async function inWorker(job: Job): Promise<Map<string, { timings: Record<string, number>; error?: string }>> {
  const results = new Map<string, { timings: Record<string, number>; error?: string }>();
  let running = '(starting)';
  await watchedWorker<Message>(__filename, job, {
    hangMs: HANG_MS,
    onMessage(m) {
      if (m.phase === 'start') running = m.name;
      else if (m.phase === 'end') results.set(m.name, { timings: m.timings, error: m.error });
      return m.phase === 'done';
    },
    stuck: () => `${job.key} ${job.kind}: "${running}" did not finish in ${HANG_MS / 1000} s (a pattern that backtracks without end?)`,
  });
  return results;
}

function registerTests(): void {
  const names = Object.keys(payloads(10));
  for (const t of TEMPLATES) {
    test(`${t.key}: completion slots and import edits on 100,000-character lines, without a tree`, async (tc) => {
      const results = await inWorker({ kind: 'text', key: t.key, where: 'L', names });
      for (const name of names) await tc.test(name, () => check(results.get(name)));
    });
    for (const where of ['C', 'L'] as const) {
      const open = t.open?.[where] ?? {};
      const chosen = FEATURE_PAYLOADS.filter((n) => !t.slowParse?.includes(n));
      test(`${t.key}: adversarial ${where === 'C' ? 'conditions' : 'lines before a completion'} through the adapter and the features`, async (tc) => {
        const results = await inWorker({ kind: 'features', key: t.key, where, names: chosen });
        for (const name of chosen) await tc.test(name, { todo: open[name] }, () => check(results.get(name)));
      });
    }
  }
}

function registerDeepTests(): void {
  const names = Object.keys(deepJavaScript(1));
  for (const languageId of ['javascript', 'typescript']) {
    test(`${languageId}: ${DEPTH.toLocaleString('en')} levels of nesting, long chains and negations through the adapter and the features`, async (tc) => {
      const results = await inWorker({ kind: 'deep', key: languageId, where: 'C', names });
      for (const name of names) await tc.test(name, () => check(results.get(name)));
    });
  }
}

function check(result: { timings: Record<string, number>; error?: string } | undefined): void {
  assert.ok(result, 'the case ran');
  assert.equal(result.error, undefined, 'nothing throws');
  for (const [step, ms] of Object.entries(result.timings)) assert.ok(ms < BOUND_MS, `${step} took ${Math.round(ms)} ms (bound ${BOUND_MS} ms)`);
}

if (isMainThread) {
  registerTests();
  registerDeepTests();
}
else void runJob(workerData as Job);
