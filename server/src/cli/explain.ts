// --explain: the same reference text the hover shows (describeCode), rendered for a terminal.
// Takes a code (409), a reason phrase (Conflict), a constant as any vocabulary spells it
// (StatusCodes.CONFLICT, HTTP_409_CONFLICT, StatusConflict), or a rule id (its docs page).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { allCodes, lookupConstant, vocabularies } from '../data';
import { describeCode } from '../features/describe';
import { ruleCatalog } from './catalog';
import type { Paint } from './color';
import { UsageError } from './args';

export function explain(query: string, p: Paint, width?: number): string {
  const q = query.trim();
  const rule = ruleCatalog().find((r) => r.id === q.toLowerCase());
  if (rule) return renderMarkdown(ruleDocs(rule.id) ?? `**${rule.id}** (default: ${rule.defaultLevel})\n\n${rule.description}\n\n[Documentation](${rule.helpUri})`, p, width);
  const code = resolveCode(q);
  if (code === undefined) {
    throw new UsageError(`--explain: '${query}' is not a status code, reason phrase, constant or rule id (e.g. 409, Conflict, StatusCodes.CONFLICT)`);
  }
  return renderMarkdown(describeCode(code, { format: 'full' }), p, width);
}

function resolveCode(q: string): number | undefined {
  if (/^\d{1,4}$/.test(q)) return Number(q);
  const phrase = q.toLowerCase().replace(/[\s_-]+/g, ' ');
  const byName = allCodes().find((c) => c.name.toLowerCase() === phrase || c.oldNames.some((n) => n.toLowerCase() === phrase));
  if (byName) return byName.code;
  // The last part of a qualified name: StatusCodes.CONFLICT, http.StatusConflict, HttpStatus::CONFLICT, :conflict.
  const name = q.split(/\.|::/).pop()!.replace(/^:/, '');
  for (const vocabulary of Object.keys(vocabularies())) {
    const hit = lookupConstant(vocabulary, name);
    if (hit) return hit.code;
  }
  return undefined;
}

/** The rule's docs page, shipped beside the bundle in the package (docs/rules/<id>.md). */
function ruleDocs(id: string): string | undefined {
  for (const dir of [join(__dirname, '..', 'docs', 'rules'), join(__dirname, '..', '..', '..', 'docs', 'rules')]) {
    const file = join(dir, `${id}.md`);
    if (existsSync(file)) return readFileSync(file, 'utf8');
  }
  return undefined;
}

/** The little Markdown our texts use, for a terminal: bold, emphasis, code, links, lists, headings. */
export function renderMarkdown(md: string, p: Paint, width?: number): string {
  const lines = md.replace(/\r\n/g, '\n').split('\n');
  const out: string[] = [];
  let fenced = false;
  for (const line of lines) {
    if (line.startsWith('```')) {
      fenced = !fenced;
      continue;
    }
    if (fenced) {
      out.push(`    ${p.cyan(line)}`);
      continue;
    }
    const heading = /^#{1,6}\s+(.*)$/.exec(line);
    if (heading) {
      out.push(p.bold(inline(heading[1], p)));
      continue;
    }
    const item = /^(\s*)[-*]\s+(.*)$/.exec(line);
    const text = item ? `${item[1]}  • ${inline(item[2], p)}` : inline(line, p);
    out.push(...wrap(text, width, item ? `${item[1]}    ` : ''));
  }
  return out.join('\n').replace(/\n{3,}/g, '\n\n').trim() + '\n';
}

function inline(s: string, p: Paint): string {
  return s
    .replace(/\[([^\]]+)\]\(([^)]+)\)/g, (_, text: string, url: string) => `${text} ${p.dim(`<${url}>`)}`)
    .replace(/\*\*([^*]+)\*\*/g, (_, t: string) => p.bold(t))
    .replace(/(^|\s)_([^_]+)_(?=\s|$|[.,;:])/g, (_, pre: string, t: string) => `${pre}${p.dim(t)}`)
    .replace(/`([^`]+)`/g, (_, t: string) => p.cyan(t));
}

/** Wraps at word boundaries when the terminal width is known; escapes do not count as width. */
function wrap(text: string, width: number | undefined, indent: string): string[] {
  if (!width || width < 40) return [text];
  const visible = (s: string) => s.replace(/\u001b\[[0-9;]*m/g, '').length;
  const lines: string[] = [];
  let current = '';
  for (const word of text.split(/ (?=\S)/)) {
    if (current && visible(current) + 1 + visible(word) > width) {
      lines.push(current);
      current = indent + word;
    } else {
      current = current ? `${current} ${word}` : word;
    }
  }
  lines.push(current);
  return lines;
}
