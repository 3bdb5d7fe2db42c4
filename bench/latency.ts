// Section 4: hover, completion and inlay-hint latency over the real server on stdio, measured
// at the client (JSON-RPC both ways included), beside the bare JSON-RPC round trip.
import { TextDocument } from 'vscode-languageserver-textdocument';
import { EXTENSIONS, type Generated } from './generate';
import { seeded, seedOf } from './random';
import { pullCapabilities, pullDiagnostics, roundTrip, startServer } from './server';
import { now, percentile } from './stats';

const WARM_UP = 10;

export interface Latency {
  p50: number;
  p99: number;
  /** Requests that returned something (a hover, a non-empty completion list, hints). */
  hits: number;
  requests: number;
}

export interface LatencyResult {
  language: string;
  lines: number;
  /** Opening the document and the first request (parse + model), the warm-up. */
  firstRequestMs: number;
  rpc: Latency;
  hover: Latency;
  completion: Latency;
  inlay: Latency;
}

/** Untimed requests first (the JIT warms up on the first few), then `n` timed ones. */
async function timed(n: number, fn: (i: number) => Promise<boolean>): Promise<Latency> {
  for (let i = 0; i < WARM_UP; i++) await fn(n - 1 - i);
  const times: number[] = [];
  let hits = 0;
  for (let i = 0; i < n; i++) {
    const t = now();
    if (await fn(i)) hits++;
    times.push(now() - t);
  }
  return { p50: percentile(times, 50), p99: percentile(times, 99), hits, requests: n };
}

export async function measureLatency(docs: Generated[], requests: number): Promise<LatencyResult[]> {
  const client = await startServer(pullCapabilities);
  const out: LatencyResult[] = [];
  try {
    for (const g of docs) {
      const uri = `file:///bench/latency-${g.lines}.${EXTENSIONS[g.languageId]}`;
      const doc = TextDocument.create(uri, g.languageId, 1, g.text);
      const rnd = seeded(seedOf(`latency:${g.languageId}:${g.lines}`));
      const slots = Array.from({ length: requests }, () => rnd.pick(g.slots));
      const textDocument = { uri };
      const t0 = now();
      await client.open(uri, g.languageId, g.text);
      await pullDiagnostics(client, uri);
      const firstRequestMs = now() - t0;
      const rpc = await timed(requests, async () => (await roundTrip(client), true));
      // Hover inside the code (one character in), completion right after the `(`.
      const hover = await timed(requests, async (i) => !!(await client.request('textDocument/hover', { textDocument, position: doc.positionAt(slots[i] + 1) })));
      const completion = await timed(requests, async (i) => {
        const r = await client.request<unknown[] | { items: unknown[] } | null>('textDocument/completion', { textDocument, position: doc.positionAt(slots[i]) });
        return (Array.isArray(r) ? r : r?.items ?? []).length > 0;
      });
      // A screenful of 60 lines around the site, as an editor asks for the visible range.
      const inlay = await timed(requests, async (i) => {
        const line = doc.positionAt(slots[i]).line;
        const range = { start: { line: Math.max(0, line - 30), character: 0 }, end: { line: line + 30, character: 0 } };
        const r = await client.request<unknown[] | null>('textDocument/inlayHint', { textDocument, range });
        return !!r?.length;
      });
      await client.close(uri);
      out.push({ language: g.languageId, lines: g.lines, firstRequestMs, rpc, hover, completion, inlay });
    }
  } finally {
    await client.stop();
  }
  return out;
}
