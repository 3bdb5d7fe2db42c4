// Deep nesting stays linear: expressions nested tens of thousands of levels deep (parentheses,
// calls, `not not ...`, `!!!...`, arrays, hashes, `1 + 1 + ...`, chained calls `a.b().b()...`)
// and handlers with their response 2,000 blocks deep go through the real adapters and features;
// each step (extraction, completion slots, hover, completion, inlay hints, diagnostics) must
// finish within a few seconds and throw nothing. web-tree-sitter's `node.parent` descends from
// the root each time, so an adapter that climbs from each node takes minutes here. The cases run
// in worker threads with a watchdog, as in regex-safety.test.ts; tree-sitter's own parse is
// done before the timed steps and not bounded (it is not ours).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { DocumentStore } from '../../server/src/documents';
import { doHover } from '../../server/src/features/hover';
import { doComplete } from '../../server/src/features/completion';
import { doValidate } from '../../server/src/features/diagnostics';
import { doInlayHints } from '../../server/src/features/inlayHints';
import { featureContextFor } from '../helpers/featureContext';
import { watchedWorker } from '../helpers/watchedWorker';
import { NEST_TEMPLATES, nestedExpression, type NestTemplate } from './nesting-inputs';

const BOUND_MS = 5_000;
/** A case still running after this long is stuck, not slow. */
const HANG_MS = Number(process.env.NESTING_HANG_MS) || 90_000;
/** Characters of a nested expression. */
const N = Number(process.env.NESTING_N) || 100_000;
/** Blocks around the response. */
const DEPTH = Number(process.env.NESTING_DEPTH) || 2_000;

type Timings = Record<string, number>;
type Message = { phase: 'start'; name: string } | { phase: 'step'; step: string } | { phase: 'end'; name: string; timings: Timings; parseMs: number; found: boolean; error?: string } | { phase: 'done' };

/** The sources of one template: name -> [text, offsets where completion and hover are asked]. */
function cases(t: NestTemplate): Record<string, { text: string; offsets: number[] }> {
  const out: Record<string, { text: string; offsets: number[] }> = {};
  for (const [name, nest] of Object.entries(t.nests)) {
    const expr = nestedExpression(nest, N);
    const text = t.text.replace('@E@', expr);
    const at = text.indexOf(expr);
    const deep = at + expr.lastIndexOf(nest[1]);
    out[name] = { text, offsets: [deep, deep + 1, at + (expr.length >> 1), text.lastIndexOf('\n', text.length - 2), text.length - 1] };
  }
  const depth = Math.min(DEPTH, t.maxBlockDepth ?? DEPTH);
  const marked = t.blocks(depth);
  const slot = marked.indexOf('§');
  const text = marked.replace('§', '');
  out[`blocks ${depth} deep`] = { text, offsets: [slot, text.indexOf(t.site, slot - 200), text.length >> 1] };
  if (t.responsesEverywhere) {
    const all = t.responsesEverywhere(depth);
    const at = all.indexOf('§');
    const plain = all.replace('§', '');
    out[`a response in each of ${depth} nested blocks`] = { text: plain, offsets: [at, plain.lastIndexOf(t.site, at), plain.length >> 1] };
  }
  return out;
}

// ---- in the worker ----

function time(timings: Timings, step: string, fn: () => void): void {
  parentPort!.postMessage({ phase: 'step', step } satisfies Message);
  const started = performance.now();
  fn();
  timings[step] = performance.now() - started;
}

const store = new DocumentStore();

async function run(t: NestTemplate, text: string, offsets: number[], timings: Timings): Promise<{ parseMs: number; found: boolean }> {
  const uri = `file:///nesting/handler.${t.ext}`;
  const entry = store.open(uri, t.languageId, 1, text);
  try {
    const parseStart = performance.now();
    await store.ensureParsed(entry);
    const parseMs = performance.now() - parseStart;
    let model = undefined as unknown as ReturnType<DocumentStore['model']>;
    time(timings, 'extract', () => (model = store.model(entry)));
    const ctx = featureContextFor(entry, model);
    const { settings } = ctx;
    time(timings, 'slotAt', () => offsets.forEach((o) => ctx.slotAt(o)));
    time(timings, 'hover', () => offsets.concat(model.sites.slice(0, 50).map((s) => s.span.start)).forEach((o) => doHover(entry.doc, model, o, settings)));
    time(timings, 'completion', () => offsets.forEach((o) => doComplete(ctx, o)));
    time(timings, 'inlay hints', () => doInlayHints(ctx, { start: { line: 0, character: 0 }, end: entry.doc.positionAt(text.length) }));
    time(timings, 'diagnostics', () => doValidate(ctx));
    // The handler's own status (the last one written) is still found past the nesting.
    const site = text.lastIndexOf(t.site);
    return { parseMs, found: model.sites.some((s) => s.span.start <= site && site < s.span.end) };
  } finally {
    store.close(uri);
  }
}

async function runJob(key: string): Promise<void> {
  const t = NEST_TEMPLATES.find((x) => x.key === key)!;
  for (const [name, c] of Object.entries(cases(t))) {
    parentPort!.postMessage({ phase: 'start', name } satisfies Message);
    const timings: Timings = {};
    let error: string | undefined;
    let parseMs = 0;
    let found = false;
    try {
      ({ parseMs, found } = await run(t, c.text, c.offsets, timings));
    } catch (e) {
      error = e instanceof Error ? (e.stack ?? e.message) : String(e);
    }
    parentPort!.postMessage({ phase: 'end', name, timings, parseMs, found, error } satisfies Message);
  }
  parentPort!.postMessage({ phase: 'done' } satisfies Message);
}

// ---- in the test runner: one worker per template, watched ----

type Result = { timings: Timings; parseMs: number; found: boolean; error?: string };

async function inWorker(key: string): Promise<Map<string, Result>> {
  const results = new Map<string, Result>();
  let running = '(starting)';
  await watchedWorker<Message>(__filename, key, {
    hangMs: HANG_MS,
    onMessage(m) {
      if (m.phase === 'start') running = m.name;
      else if (m.phase === 'step') running = `${running.split(':')[0]}: ${m.step}`;
      else if (m.phase === 'end') results.set(m.name, m);
      return m.phase === 'done';
    },
    stuck: () => `${key}: "${running}" did not finish in ${HANG_MS / 1000} s (a walk up from every node?)`,
  });
  return results;
}

function check(result: Result | undefined): void {
  assert.ok(result, 'the case ran');
  assert.equal(result.error, undefined, 'nothing throws');
  assert.ok(result.found, "the handler's status past the nesting is still found");
  const slow = Object.entries(result.timings).filter(([, ms]) => ms >= BOUND_MS);
  assert.deepEqual(slow.map(([step, ms]) => `${step} took ${Math.round(ms)} ms`), [], `bound ${BOUND_MS} ms (parse took ${Math.round(result.parseMs)} ms)`);
}

if (isMainThread) {
  for (const t of NEST_TEMPLATES.filter((x) => !process.env.NESTING_ONLY || process.env.NESTING_ONLY.split(',').includes(x.key))) {
    test(`${t.key}: deeply nested expressions and blocks through the adapter and the features`, async (tc) => {
      const results = await inWorker(t.key);
      for (const name of Object.keys(cases(t))) {
        await tc.test(name, { todo: t.open?.[name] }, () => check(results.get(name)));
      }
      if (process.env.NESTING_TIMINGS) {
        for (const [name, r] of results) console.log(t.key, name, r.found ? 'found' : 'MISSED', `parse ${Math.round(r.parseMs)}`, Object.entries(r.timings).map(([s, ms]) => `${s} ${Math.round(ms)}`).join(', '));
      }
    });
  }
} else void runJob(workerData as string);
