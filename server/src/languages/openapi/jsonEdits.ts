// Edits to a response in a JSON document, keeping it valid JSON and written in the document's
// own layout: multi-line with its indentation, or compact when the object sits on one line.
import type { OffsetEdit } from '../../model';
import type { Flavor, SpecResponse } from './outline';
import { asMap, entry, type GEntry, type GMap } from './tree';

/** The blanks before `offset` on its line, or undefined when other text precedes it (one-line JSON). */
function indentAt(text: string, offset: number): string | undefined {
  const start = text.lastIndexOf('\n', offset - 1) + 1;
  const before = text.slice(start, offset);
  return /^[ \t]*$/.test(before) ? before : undefined;
}

function headerValue(value: string, flavor: Flavor | undefined): object {
  if (flavor === 'swagger2') return value ? { type: 'string', 'x-example': value } : { type: 'string' };
  return value ? { schema: { type: 'string' }, example: value } : { schema: { type: 'string' } };
}

/** `"name": value` laid out at `indent` with `unit` per level, or on one line when indent is undefined. */
function property(name: string, value: object, indent: string | undefined, unit: string): string {
  if (indent === undefined) return `${JSON.stringify(name)}: ${JSON.stringify(value)}`;
  const body = JSON.stringify(value, null, unit).replace(/\n/g, `\n${indent}`);
  return `${JSON.stringify(name)}: ${body}`;
}

export function jsonAddHeader(text: string, response: SpecResponse, name: string, value: string, flavor: Flavor | undefined): OffsetEdit[] | undefined {
  const map = response.map;
  if (!map || map.entries.length === 0 || response.ref || !name) return undefined;
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const last = map.entries[map.entries.length - 1];
  const indent = indentAt(text, map.entries[0].keyStart);
  const keyIndent = indentAt(text, response.entry.keyStart);
  const unit = indent !== undefined && keyIndent !== undefined && indent.startsWith(keyIndent) && indent.length > keyIndent.length ? indent.slice(keyIndent.length) : '  ';
  const header = headerValue(value, flavor);
  const headers = entry(map, 'headers');
  if (!headers) {
    const text2 = property('headers', { [name]: header }, indent, unit);
    return [{ start: last.end, end: last.end, newText: indent === undefined ? `, ${text2}` : `,${eol}${indent}${text2}` }];
  }
  const hmap: GMap | undefined = asMap(headers.value);
  if (!hmap || hmap.entries.some((e) => e.key.toLowerCase() === name.toLowerCase())) return undefined;
  if (hmap.entries.length === 0) {
    // `"headers": {}`: open it up.
    if (indent === undefined) return [{ start: hmap.start, end: hmap.end, newText: `{ ${property(name, header, undefined, unit)} }` }];
    const inner = indent + unit;
    return [{ start: hmap.start, end: hmap.end, newText: `{${eol}${inner}${property(name, header, inner, unit)}${eol}${indent}}` }];
  }
  const hindent = indentAt(text, hmap.entries[0].keyStart);
  const hlast = hmap.entries[hmap.entries.length - 1];
  const prop = property(name, header, hindent, unit);
  return [{ start: hlast.end, end: hlast.end, newText: hindent === undefined ? `, ${prop}` : `,${eol}${hindent}${prop}` }];
}

/** Removes a property with its comma; undefined when it is the object's only property. */
export function jsonRemoveEntry(map: GMap | undefined, target: GEntry): OffsetEdit[] | undefined {
  if (!map || map.entries.length < 2) return undefined;
  const i = map.entries.indexOf(target);
  if (i < 0) return undefined;
  if (i > 0) return [{ start: map.entries[i - 1].end, end: target.end, newText: '' }];
  return [{ start: target.keyStart, end: map.entries[1].keyStart, newText: '' }];
}
