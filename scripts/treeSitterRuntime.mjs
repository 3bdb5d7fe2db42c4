// esbuild plugin: lets the server start a fresh tree-sitter runtime after the old one crashed.
// @vscode/tree-sitter-wasm is a UMD module that calls its factory once and caches the wasm
// instance inside it; a wasm trap (e.g. "memory access out of bounds" on deeply nested input)
// leaves that instance unusable for every later parse. We keep the module as it is and also
// export the factory (`createRuntime`), so server/src/parsing/treeSitter.ts can make a new,
// independent instance. The build fails if the vendor file no longer has the expected shape.
import { readFile } from 'node:fs/promises';

const UMD_NODE_BRANCH = '(module.exports = factory())';

export const treeSitterRuntime = {
  name: 'tree-sitter-runtime-factory',
  setup(build) {
    build.onLoad({ filter: /[\\/]@vscode[\\/]tree-sitter-wasm[\\/]wasm[\\/]tree-sitter\.js$/ }, async (args) => {
      const text = await readFile(args.path, 'utf8');
      if (!text.includes(UMD_NODE_BRANCH)) {
        throw new Error(`${args.path}: expected "${UMD_NODE_BRANCH}" (UMD wrapper changed?); see scripts/treeSitterRuntime.mjs`);
      }
      return { contents: text.replace(UMD_NODE_BRANCH, '(module.exports = factory(), module.exports.createRuntime = factory)'), loader: 'js' };
    });
  },
};
