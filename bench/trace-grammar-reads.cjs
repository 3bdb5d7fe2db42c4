// Preloaded into the server by the benchmark (node -r) to see when each grammar is read: it
// wraps fs.readFileSync and reports every tree-sitter-*.wasm on stderr. The server itself is
// unchanged; its bundle looks readFileSync up on the fs module at each call.
'use strict';
const fs = require('node:fs');
const original = fs.readFileSync;
fs.readFileSync = function readFileSync(path, ...rest) {
  const name = typeof path === 'string' ? path : path instanceof URL ? path.pathname : '';
  const m = /tree-sitter-([\w-]+)\.wasm$/.exec(name);
  if (m) process.stderr.write(`[bench] grammar read: ${m[1]}\n`);
  return original.call(this, path, ...rest);
};
