// Preloaded into the server by the benchmark's memory section (node --expose-gc -r): on SIGUSR2
// it runs a full GC and reports the process's memory on stderr, so the benchmark can tell the
// wasm memory where tree-sitter keeps trees (external) from the JS heap (models), after a GC.
// The server itself is unchanged.
'use strict';
process.on('SIGUSR2', () => {
  if (typeof global.gc === 'function') global.gc();
  const m = process.memoryUsage();
  process.stderr.write(`[bench] memory ${JSON.stringify({ rss: m.rss, heapUsed: m.heapUsed, external: m.external })}\n`);
});
