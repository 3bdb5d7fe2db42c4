// Edits to a response in a block-style YAML document, written at the document's own
// indentation. Flow-style maps (`{ description: x }`) get no edit: undefined, never a guess.
import type { OffsetEdit } from '../../model';
import type { Flavor, SpecResponse } from './outline';
import { asMap, entry, type GEntry, type GMap } from './tree';

function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

function column(text: string, offset: number): number {
  return offset - lineStart(text, offset);
}

/** Whether only blanks precede `offset` on its line (a block-map key). */
function startsLine(text: string, offset: number): boolean {
  return /^[ \t]*$/.test(text.slice(lineStart(text, offset), offset));
}

/** The offset just past the line on which `end` (an exclusive end) falls. */
function afterLine(text: string, end: number): number {
  if (end > 0 && text[end - 1] === '\n') return end;
  const nl = text.indexOf('\n', end);
  return nl < 0 ? text.length : nl + 1;
}

/** Inserts whole lines after the line `end` falls on, with a newline first at the end of a file without one. */
function insertLines(text: string, end: number, lines: string[]): OffsetEdit {
  const at = afterLine(text, end);
  const lead = at === text.length && text.length > 0 && !text.endsWith('\n') ? '\n' : '';
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  return { start: at, end: at, newText: lead + lines.join(eol) + eol };
}

function isBlock(text: string, map: GMap | undefined): map is GMap {
  return !!map && !map.flow && map.entries.length > 0 && map.entries.every((e) => startsLine(text, e.keyStart));
}

/** A header object's lines, relative to the header name's indentation. */
function headerLines(name: string, value: string, unit: string, flavor: Flavor | undefined): string[] {
  const lines = [`${name}:`];
  if (flavor === 'swagger2') {
    lines.push(`${unit}type: string`);
    if (value) lines.push(`${unit}x-example: ${JSON.stringify(value)}`);
  } else {
    lines.push(`${unit}schema:`, `${unit}${unit}type: string`);
    if (value) lines.push(`${unit}example: ${JSON.stringify(value)}`);
  }
  return lines;
}

export function yamlAddHeader(text: string, response: SpecResponse, name: string, value: string, flavor: Flavor | undefined): OffsetEdit[] | undefined {
  const map = response.map;
  if (!isBlock(text, map) || response.ref || !/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(name)) return undefined;
  const keyCol = column(text, response.entry.keyStart);
  const col = column(text, map.entries[0].keyStart);
  const unit = ' '.repeat(col > keyCol ? col - keyCol : 2);
  const headers = entry(map, 'headers');
  if (!headers) {
    const pad = ' '.repeat(col);
    const lines = [`${pad}headers:`, ...headerLines(name, value, unit, flavor).map((l) => pad + unit + l)];
    return [insertLines(text, map.entries[map.entries.length - 1].end, lines)];
  }
  const hmap = asMap(headers.value);
  if (hmap?.entries.some((e) => e.key.toLowerCase() === name.toLowerCase())) return undefined;
  if (isBlock(text, hmap)) {
    const pad = ' '.repeat(column(text, hmap.entries[0].keyStart));
    return [insertLines(text, hmap.entries[hmap.entries.length - 1].end, headerLines(name, value, unit, flavor).map((l) => pad + l))];
  }
  if (!headers.value && startsLine(text, headers.keyStart)) {
    // `headers:` with nothing under it yet.
    const pad = ' '.repeat(column(text, headers.keyStart)) + unit;
    return [insertLines(text, headers.end, headerLines(name, value, unit, flavor).map((l) => pad + l))];
  }
  return undefined;
}

/** Removes an entry's lines from a block map; undefined when it is the map's only entry. */
export function yamlRemoveEntry(text: string, map: GMap | undefined, target: GEntry): OffsetEdit[] | undefined {
  if (!isBlock(text, map) || map.entries.length < 2) return undefined;
  return [{ start: lineStart(text, target.keyStart), end: afterLine(text, target.end), newText: '' }];
}
