// Where a status is being typed in Rust (`StatusCode::CON|`, `.status(|`, `HttpResponse::|`,
// `assert_eq!(resp.status(), |`), and how to import StatusCode or HttpResponse. Half-typed code
// parses badly, so the form is read from the text before the cursor on its line (bounded); the
// tree only supplies the handler and the branch.
import type { Node } from '../../parsing/treeSitter';
import type { OffsetEdit, StatusSlot } from '../../model';
import type { AdapterInput } from '../adapter';
import { namedArgs } from '../syntax';
import { branchOf } from './branches';
import { enclosingFn } from './contexts';
import { attributeRoute, methodOfClosure } from './handlers';

const PARTIAL = /(?:[A-Za-z_]\w*(?:::[A-Za-z_]\w*)*(?:::)?|\d{0,3})$/;
const MAX_PREFIX = 400;
const STATUS_READ = /\.status(?:_code)?\(\)(?:\.as_u16\(\))?/;

/** Handler methods by function name, from the latest extract of each document (bounded). */
const methodCache = new Map<string, Map<string, string>>();
export function rememberMethods(uri: string, methods: Map<string, string>): void {
  methodCache.delete(uri);
  methodCache.set(uri, methods);
  if (methodCache.size > 64) methodCache.delete(methodCache.keys().next().value!);
}

/** True when the text ends inside a string or after a line comment (lifetimes are not quotes). */
function inStringOrComment(before: string): boolean {
  for (let i = 0; i < before.length; i++) {
    const ch = before[i];
    if (ch === '/' && before[i + 1] === '/') return true;
    if (ch === '"') {
      let j = i + 1;
      while (j < before.length && before[j] !== '"') j += before[j] === '\\' ? 2 : 1;
      if (j >= before.length) return true;
      i = j;
    } else if (ch === "'" && /^'(\\.|[^\\'])'/.test(before.slice(i))) {
      i += before[i + 1] === '\\' ? 3 : 2;
    }
  }
  return false;
}

type Form = Pick<StatusSlot, 'role' | 'form' | 'accepts'>;

function formFor(before: string, partial: string): Form | undefined {
  const constant = /(^|::)StatusCode::\w*$|^StatusCode$/.test(partial);
  if (/(^|::)HttpResponse::\w*$/.test(partial)) return { role: 'response', form: 'HttpResponse::NAME()', accepts: 'any' };
  if (/\bassert(?:_eq|_ne)?!\(.*,\s*$/.test(before) && STATUS_READ.test(before)) return { role: 'assertion', form: 'assert_eq!()', accepts: 'any' };
  if (/\bassert(?:_eq|_ne)?!\(\s*$/.test(before) && constant) return { role: 'assertion', form: 'assert_eq!()', accepts: 'any' };
  const cmp = /(\S+)\s*(==|!=)\s*$/.exec(before);
  if (cmp && STATUS_READ.test(cmp[1])) return { role: 'comparison', form: `status() ${cmp[2]}`, accepts: 'any' };
  if (/\bStatusCode::from_u16\(\s*$/.test(before)) return { role: 'response', form: 'StatusCode::from_u16()', accepts: 'number' };
  if (/\.status\(\s*$/.test(before)) return { role: 'response', form: '.status()', accepts: 'any' };
  if (/\b(HttpResponse::build|HttpResponse::new|HttpResponseBuilder::new)\(\s*$/.test(before)) return { role: 'response', form: 'HttpResponse::build()', accepts: 'any' };
  if (!constant) return undefined;
  // A StatusCode constant being typed: a response where axum takes one (tuple head, return, Err).
  if (/(^|[\s(=>,{])\(\s*$|\breturn\s+$|\bErr\(\s*$|=>\s*$|\bok_or\(\s*$|^\s*$/.test(before)) return { role: 'response', form: 'StatusCode::NAME', accepts: 'any' };
  return { role: 'reference', form: 'StatusCode::NAME', accepts: 'any' };
}

export function rustSlotAt(input: AdapterInput, offset: number): StatusSlot | undefined {
  const { text } = input;
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const line = text.slice(Math.max(lineStart, offset - MAX_PREFIX), offset);
  const partial = PARTIAL.exec(line)?.[0] ?? '';
  const before = line.slice(0, line.length - partial.length);
  if (inStringOrComment(before)) return undefined;
  const form = formFor(before, partial);
  if (!form) return undefined;
  const slot: StatusSlot = { span: { start: offset - partial.length, end: offset }, ...form };
  const node = input.tree?.rootNode.descendantForIndex(Math.max(0, offset - 1));
  if (node) {
    slot.branch = branchOf(node)?.kind;
    slot.method = methodAround(node, input.uri);
  }
  return slot;
}

/** The method of the handler around `node`: a router closure, an attribute, or a named route handler. */
function methodAround(node: Node, uri: string): string | undefined {
  for (let fn = enclosingFn(node); fn; fn = enclosingFn(fn)) {
    if (fn.type === 'closure_expression') {
      const m = methodOfClosure(fn);
      if (m) return m;
      continue;
    }
    return attributeRoute(fn)?.method ?? methodCache.get(uri)?.get(fn.childForFieldName('name')?.text ?? '');
  }
  return undefined;
}

/**
 * True when a `use` statement (from a line start to its `;`) names `name`: what
 * /^\s*(pub\s+)?use\s[^;]*\bNAME\b[^;]*;/m asks, in one pass. That regex ran from every line start
 * across blank lines and rescanned to the next `;` from every `use` (quadratic on broken code).
 */
function usesName(text: string, name: RegExp): boolean {
  const starts = /^[ \t]*(?:pub\s+)?use\s/gm;
  let scanned = 0;
  for (let m = starts.exec(text); m; m = starts.exec(text)) {
    const from = m.index + m[0].length;
    // A `use` inside a span already read ends at the same `;`: its text was read.
    if (from < scanned) continue;
    const end = text.indexOf(';', from);
    if (end < 0) return false;
    if (name.test(text.slice(from, end))) return true;
    scanned = end;
  }
  return false;
}

const IMPORTS: Record<string, { test: (text: string) => boolean; line: (text: string) => string }> = {
  'rust-http': {
    test: (text) => usesName(text, /\bStatusCode\b/),
    line: (text) => {
      const crate = /\buse\s+axum\b|\baxum::/.test(text) ? 'axum::http' : /\buse\s+actix_web\b|\bactix_web::/.test(text) ? 'actix_web::http' : /\bwarp::/.test(text) ? 'warp::http' : /\breqwest::/.test(text) ? 'reqwest' : /\bhyper::/.test(text) ? 'hyper' : 'http';
      return `use ${crate}::StatusCode;`;
    },
  },
  actix: { test: (text) => usesName(text, /\bHttpResponse\b/), line: () => 'use actix_web::HttpResponse;' },
};

/** The `use` line for a vocabulary, after the file's last top-level `use` (or at the top). */
export function rustImportEdit(input: AdapterInput, vocabulary: string): OffsetEdit | undefined {
  const spec = IMPORTS[vocabulary];
  if (!spec) return undefined;
  const { text, tree } = input;
  if (spec.test(text)) return undefined;
  const line = spec.line(text);
  let lastUse: Node | undefined;
  let lead = 0;
  if (tree) {
    for (const child of namedArgs(tree.rootNode)) {
      if (child.type === 'use_declaration') lastUse = child;
      else if (!lastUse && (child.type === 'inner_attribute_item' || (/comment$/.test(child.type) && /^\/\/!/.test(child.text)))) lead = child.startIndex + child.text.trimEnd().length;
    }
  }
  if (lastUse) return { start: lastUse.endIndex, end: lastUse.endIndex, newText: `\n${line}` };
  if (lead > 0) return { start: lead, end: lead, newText: `\n${line}` };
  return { start: 0, end: 0, newText: `${line}\n\n` };
}
