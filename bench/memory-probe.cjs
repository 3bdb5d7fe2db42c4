// Preloaded into the server by the benchmark's memory section (node --expose-gc -r): on SIGUSR2
// it runs a full GC and reports the process's memory on stderr, so the benchmark can tell the
// wasm memory where tree-sitter keeps trees (external) from the JS heap (models), after a GC.
// heapTotal (what V8 holds for its heap, used or not) and the per-space sizes say how much of
// the resident size is the heap's high-water mark rather than live objects.
// The server itself is unchanged.
'use strict';
const v8 = require('node:v8');
process.on('SIGUSR2', () => {
  if (typeof global.gc === 'function') global.gc();
  const m = process.memoryUsage();
  const spaces = Object.fromEntries(v8.getHeapSpaceStatistics().map((s) => [s.space_name, { size: s.space_size, used: s.space_used_size }]));
  process.stderr.write(`[bench] memory ${JSON.stringify({ rss: m.rss, heapUsed: m.heapUsed, heapTotal: m.heapTotal, external: m.external, arrayBuffers: m.arrayBuffers, spaces })}\n`);
});
