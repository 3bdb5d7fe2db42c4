// The build's changes to the vendor tree-sitter runtime (scripts/treeSitterRuntime.mjs): the
// build fails with a clear message when the vendor file no longer has the shape they were
// written for, and the patched runtime still hands every node's full handle to the parser
// (the alias word is what makes `b` in `a.b` a property_identifier rather than an identifier).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { loadLanguage, parserFor } from '../../server/src/parsing/treeSitter';

const root = join(__dirname, '..', '..');
const VENDOR = join(root, 'node_modules', '@vscode', 'tree-sitter-wasm', 'wasm', 'tree-sitter.js');

async function patchRuntime(): Promise<(text: string, path?: string) => string> {
  const mod = (await import(pathToFileURL(join(root, 'scripts', 'treeSitterRuntime.mjs')).href)) as { patchRuntime: (text: string, path?: string) => string };
  return mod.patchRuntime;
}

test('the vendor runtime patches cleanly: nodes keep their handle word by name, no indexed slot', async () => {
  const patch = await patchRuntime();
  const out = patch(readFileSync(VENDOR, 'utf8'));
  assert.ok(!out.includes('node[0]'), 'marshalNode no longer reads node[0]');
  assert.ok(out.includes('setValueFast(address, node._other, "i32")'), 'marshalNode writes the named handle word');
  assert.ok(out.includes('this._other = other;'), "Node's constructor sets it");
  assert.ok(!/\n {2}_namedChildren;\n/.test(out), 'the children caches are no class fields');
  assert.ok(out.includes('this._type = undefined;') && out.includes('return this._type ??= this.tree.language.types[this.typeId] || "ERROR";'), "a node's type is kept after its first read");
});

test('a vendor runtime of another shape stops the build with a message that says where to look', async () => {
  const patch = await patchRuntime();
  const vendor = readFileSync(VENDOR, 'utf8');
  // A future runtime that reads the handle word somewhere else too.
  assert.throws(() => patch(vendor.replace('function unmarshalNode(', 'function peek(node) { return node[0]; }\nfunction unmarshalNode(')), /scripts\/treeSitterRuntime\.mjs/);
  // One whose Node constructor is written differently.
  assert.throws(() => patch(vendor.replace('this[0] = other;', 'this[0] = other ?? 0;')), /Node's fields and constructor/);
  // One whose type getter reads the type some other way.
  assert.throws(() => patch(vendor.replace('return this.tree.language.types[this.typeId] || "ERROR";', 'return this.tree.language.types[this.typeId] ?? "ERROR";')), /Node type getter/);
});

test('nodes made by the patched runtime pass their alias back to the parser', async () => {
  const lang = await loadLanguage('javascript');
  const tree = parserFor('javascript', lang).parse('a.b.c(d);\nconst { e: f } = g;\n')!;
  try {
    const call = tree.rootNode.firstNamedChild!.firstNamedChild!;
    const member = call.childForFieldName('function')!;
    const prop = member.childForFieldName('property')!;
    assert.equal(Object.keys(prop).includes('0'), false, 'no indexed slot on a node');
    // Each of these reads copies `prop` back into wasm memory, alias word included.
    assert.equal(prop.type, 'property_identifier');
    // Read again, from the node (the alias word decided it once).
    assert.equal(prop.type, 'property_identifier');
    assert.equal(prop.text, 'c');
    assert.equal(prop.parent?.type, 'member_expression');
    assert.equal(prop.nextSibling, null);
    assert.equal(member.childForFieldName('object')?.childForFieldName('property')?.type, 'property_identifier');
    const pattern = tree.rootNode.namedChild(1)!.namedChild(0)!.childForFieldName('name')!;
    const pair = pattern.namedChild(0)!;
    assert.equal(pair.type, 'pair_pattern');
    assert.equal(pair.childForFieldName('key')?.type, 'property_identifier');
    const cursor = prop.walk();
    assert.equal(cursor.nodeType, 'property_identifier');
    cursor.delete();
  } finally {
    tree.delete();
  }
});
