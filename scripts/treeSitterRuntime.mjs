// esbuild plugin for the vendor tree-sitter runtime (@vscode/tree-sitter-wasm's tree-sitter.js),
// two changes, each checked against the vendor text so the build fails loudly if it changes shape:
//
// 1. A fresh runtime after a crash. The file is a UMD module that calls its factory once and
//    caches the wasm instance inside it; a wasm trap (e.g. "memory access out of bounds" on
//    deeply nested input) leaves that instance unusable for every later parse. We keep the
//    module as it is and also export the factory (`createRuntime`), so
//    server/src/parsing/treeSitter.ts can make a new, independent instance.
//
// 2. Cheaper calls into the parser. Every read of a syntax node (its end, its type, a field, a
//    child) copies the node's five 32-bit words into wasm memory and reads the answer back
//    through Emscripten's generic setValue/getValue, which test the type name (a string) and go
//    through a DataView per word; in our model extraction that bookkeeping was ~10% of the time.
//    On a little-endian host (every platform VS Code ships for) an "i32" is one typed-array
//    store or load, which is what these helpers do; any other type, or a big-endian host, takes
//    Emscripten's own path. The module's HEAP32 view is read at each call: it is replaced when
//    wasm memory grows.
//
// 3. Cheaper syntax nodes. A Node keeps the fifth word of its handle as an indexed property
//    (`this[0]`, a class field `[0] = 0`), which gives every node its own elements store, and
//    declares its children caches as class fields, which V8 defines one by one in a separate
//    initializer. Extraction makes tens of thousands of nodes per file: the handle word becomes
//    a named property (`_other`, read back only by marshalNode) and the fields plain
//    assignments in the constructor, one object shape from the start (extraction 0.82-0.91x).
//
// 4. A node's type read once. `node.type` asks the parser for the node's symbol on every read;
//    the adapters climb the same ancestors many times (which branch, statement, function holds
//    this?) and read each one's type at every climb. A node never changes type (trees are
//    immutable), so the first answer is kept on the node (`_type`, set in the constructor).
import { readFile } from 'node:fs/promises';

const UMD_NODE_BRANCH = '(module.exports = factory())';
/** Where the runtime keeps its Emscripten module (set by setModule when the runtime starts). */
const MODULE_DECLARATION = '\nvar C;\n';
const FAST_ACCESS = `
var LITTLE_ENDIAN_HOST = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;
function setValueFast(ptr, value, type) {
  if (type === "i32" && LITTLE_ENDIAN_HOST) C.HEAP32[ptr >> 2] = value;
  else C.setValue(ptr, value, type);
}
function getValueFast(ptr, type) {
  return type === "i32" && LITTLE_ENDIAN_HOST ? C.HEAP32[ptr >> 2] : C.getValue(ptr, type);
}
`;

/** Node's class fields (its handle word as an index, its children caches), left out. */
const NODE_FIELDS = `  // @ts-expect-error: never read
  [0] = 0;
  // Internal handle for Wasm
  /** @internal */
  _children;
  /** @internal */
  _namedChildren;
`;
/** Where Node's constructor stores the handle word: there, every field gets its value instead. */
const NODE_HANDLE_SET = `    assertInternal(internal);
    this[0] = other;
`;
const NODE_HANDLE_SET_PLAIN = `    assertInternal(internal);
    this._other = other;
    this._children = undefined;
    this._namedChildren = undefined;
    this._type = undefined;
`;
/** Node's type getter (TreeCursor's is `nodeType`), and the same keeping its first answer. */
const NODE_TYPE_GETTER = `  get type() {
    return this.tree.language.types[this.typeId] || "ERROR";
  }
`;
const NODE_TYPE_GETTER_KEPT = `  get type() {
    return this._type ??= this.tree.language.types[this.typeId] || "ERROR";
  }
`;
const MARSHAL_HANDLE_WORD = 'C.setValue(address, node[0], "i32");';

/** The vendor text with each change applied; throws when the text is not the shape expected. */
export function patchRuntime(text, path = 'tree-sitter.js') {
  if (!text.includes(UMD_NODE_BRANCH)) {
    throw new Error(`${path}: expected "${UMD_NODE_BRANCH}" (UMD wrapper changed?); see scripts/treeSitterRuntime.mjs`);
  }
  if (text.split(MODULE_DECLARATION).length !== 2) {
    throw new Error(`${path}: expected one module-level "var C;" (the Emscripten module); see scripts/treeSitterRuntime.mjs`);
  }
  const sets = text.split('C.setValue(').length - 1;
  const gets = text.split('C.getValue(').length - 1;
  if (sets < 10 || gets < 10 || !text.includes('Module["HEAP32"] = HEAP32 = new Int32Array(b)')) {
    throw new Error(`${path}: expected calls to C.setValue/C.getValue and a HEAP32 view on the module; see scripts/treeSitterRuntime.mjs`);
  }
  // The node's handle word: set in the constructor, read by marshalNode, nowhere else.
  if (text.split(NODE_FIELDS).length !== 2 || text.split(NODE_HANDLE_SET).length !== 2 || text.split(MARSHAL_HANDLE_WORD).length !== 2 || text.split('node[0]').length !== 2) {
    throw new Error(`${path}: expected Node's fields and constructor as written in 0.3.x and one read of node[0] (in marshalNode); see scripts/treeSitterRuntime.mjs`);
  }
  if (text.split(NODE_TYPE_GETTER).length !== 2 || /\b_type\b/.test(text)) {
    throw new Error(`${path}: expected one Node type getter as written in 0.3.x and no _type anywhere; see scripts/treeSitterRuntime.mjs`);
  }
  return text
    .replace(NODE_TYPE_GETTER, NODE_TYPE_GETTER_KEPT)
    .replace(UMD_NODE_BRANCH, '(module.exports = factory(), module.exports.createRuntime = factory)')
    .replace(MODULE_DECLARATION, MODULE_DECLARATION + FAST_ACCESS)
    .replace(NODE_FIELDS, '')
    .replace(NODE_HANDLE_SET, NODE_HANDLE_SET_PLAIN)
    .replace(MARSHAL_HANDLE_WORD, 'C.setValue(address, node._other, "i32");')
    .replaceAll('C.setValue(', 'setValueFast(')
    .replaceAll('C.getValue(', 'getValueFast(');
}

export const treeSitterRuntime = {
  name: 'tree-sitter-runtime-factory',
  setup(build) {
    build.onLoad({ filter: /[\\/]@vscode[\\/]tree-sitter-wasm[\\/]wasm[\\/]tree-sitter\.js$/ }, async (args) => {
      return { contents: patchRuntime(await readFile(args.path, 'utf8'), args.path), loader: 'js' };
    });
  },
};
