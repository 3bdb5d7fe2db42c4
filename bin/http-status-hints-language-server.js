#!/usr/bin/env node
// The standalone language server for any LSP editor: speaks LSP on stdin/stdout.
if (!process.argv.some((a) => a === '--stdio' || a.startsWith('--node-ipc') || a.startsWith('--socket') || a.startsWith('--pipe'))) {
  process.argv.push('--stdio');
}
require('../dist/server.js');
