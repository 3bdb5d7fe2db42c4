import { CompletionItemKind, InsertTextFormat, MarkupKind, type CompletionItem, type TextEdit } from 'vscode-languageserver';
import { allCodes, constantFor, vocabularies, type StatusCodeInfo } from '../data';
import type { OffsetEdit, StatusSlot } from '../model';
import type { FeatureContext } from './context';
import { describeCode, toPlainText } from './describe';
import { isUncommon, rank } from './ranking';

/** The vocabulary a language reaches for when the user forces constants and the file has none. */
const DEFAULT_VOCABULARY: Record<string, string> = {
  javascript: 'http-status-codes',
  typescript: 'http-status-codes',
  javascriptreact: 'http-status-codes',
  typescriptreact: 'http-status-codes',
  python: 'python-http',
  go: 'go-http',
  java: 'spring',
  csharp: 'aspnet',
  ruby: 'rack',
  php: 'symfony',
  rust: 'rust-http',
};

export interface WrittenCode {
  text: string;
  /** The import to add, when the constant's vocabulary is not imported yet. */
  importEdit?: OffsetEdit;
  vocabulary?: string;
}

/**
 * How a code is written at a slot, the way the file already writes codes: a constant of the
 * vocabulary the file uses (adding its import when missing), else the number. The setting can
 * force numbers or constants.
 */
export function writeCode(ctx: FeatureContext, slot: StatusSlot, code: number): WrittenCode | undefined {
  const number = { text: String(code) };
  if (slot.accepts === 'constant') return constantOnly(ctx, code, slot.vocabulary);
  if (slot.accepts === 'string' && /^(yaml|json|jsonc)$/.test(ctx.model.languageId)) return { text: openApiKey(ctx, slot, code) };
  if (slot.accepts === 'number' || slot.accepts === 'string' || ctx.settings.completion.style === 'number') {
    if (slot.accepts !== 'symbol') return number;
  }
  const used = ctx.model.vocabularies[0] ?? usedWithoutImport(ctx);
  let vocabulary = used?.vocabulary;
  if (slot.accepts === 'symbol') vocabulary = 'rack';
  if (!vocabulary && (ctx.settings.completion.style === 'constant')) vocabulary = DEFAULT_VOCABULARY[ctx.model.languageId];
  if (!vocabulary) return number;
  const name = (used?.vocabulary === vocabulary ? used.names?.[code] : undefined) ?? constantFor(vocabulary, code);
  if (!name) return number;
  const form = used && used.vocabulary === vocabulary ? used.form : vocabularies()[vocabulary]?.form ?? 'NAME';
  const text = form.replace('NAME', name);
  const needsImport = !(used && used.vocabulary === vocabulary && used.imported);
  return { text, vocabulary, importEdit: needsImport ? ctx.importEdit(vocabulary) : undefined };
}

/** For an enum-typed parameter: the file's vocabulary (or the language's usual one), never a number. */
function constantOnly(ctx: FeatureContext, code: number, typed?: string): WrittenCode | undefined {
  const fileUses = [...ctx.model.vocabularies];
  const unimported = usedWithoutImport(ctx);
  if (unimported) fileUses.push(unimported);
  // The place's own type decides when it names one: a file's other vocabulary (servlet ints) would not compile.
  const used = typed ? fileUses.find((u) => u.vocabulary === typed) : fileUses[0];
  const vocabulary = typed ?? used?.vocabulary ?? DEFAULT_VOCABULARY[ctx.model.languageId];
  const name = vocabulary ? ((used?.vocabulary === vocabulary ? used.names?.[code] : undefined) ?? constantFor(vocabulary, code)) : undefined;
  if (!vocabulary || !name) return undefined;
  const form = used && used.vocabulary === vocabulary ? used.form : vocabularies()[vocabulary]?.form ?? 'NAME';
  const needsImport = !(used && used.vocabulary === vocabulary && used.imported);
  return { text: form.replace('NAME', name), vocabulary, importEdit: needsImport ? ctx.importEdit(vocabulary) : undefined };
}

/**
 * An OpenAPI response key, finished when the user has not typed its quotes or colon yet:
 * `'409':` in YAML, `"409": ` in JSON; only the digits inside quotes already typed.
 */
function openApiKey(ctx: FeatureContext, slot: StatusSlot, code: number): string {
  const text = ctx.document.getText();
  const before = text[slot.span.start - 1];
  const after = text.slice(slot.span.end, slot.span.end + 2);
  if (before === "'" || before === '"') return after.startsWith(before) ? String(code) : `${code}${before}:`;
  if (/^\s*:/.test(after)) return String(code);
  return ctx.model.languageId === 'yaml' ? `'${code}':` : `"${code}": `;
}

/** A vocabulary the file writes constants of without importing it (yet). */
function usedWithoutImport(ctx: FeatureContext): { vocabulary: string; form: string; imported: boolean } | undefined {
  const site = ctx.model.sites.find((s) => s.kind === 'constant' && s.vocabulary);
  const form = site?.vocabulary ? vocabularies()[site.vocabulary]?.form : undefined;
  return site?.vocabulary && form ? { vocabulary: site.vocabulary, form, imported: false } : undefined;
}

function toTextEdit(ctx: FeatureContext, e: OffsetEdit): TextEdit {
  return { range: { start: ctx.document.positionAt(e.start), end: ctx.document.positionAt(e.end) }, newText: e.newText };
}

/** Status-code completions at `offset`; empty outside a status slot. */
export function doComplete(ctx: FeatureContext, offset: number): CompletionItem[] {
  const slot = ctx.slotAt(offset);
  if (!slot) return [];
  const range = { start: ctx.document.positionAt(slot.span.start), end: ctx.document.positionAt(slot.span.end) };
  const partial = ctx.document.getText().slice(slot.span.start, slot.span.end);
  const items: CompletionItem[] = [];
  for (const info of allCodes()) {
    if (ctx.settings.completion.uncommonCodes === 'hide' && isUncommon(info) && slot.role === 'response') continue;
    const written = writeCode(ctx, slot, info.code);
    // An enum-typed parameter without a constant for this code cannot take it.
    if (!written) continue;
    const filterText = filterTextFor(info, written, partial);
    if (partial && !matchesPartial(filterText, partial)) continue;
    items.push(item(ctx, info, slot, written, range, filterText));
  }
  return items;
}

/**
 * What the client filters on as the user types: it starts with what they are typing (a number,
 * a name, or the constant), so `con` finds 409 Conflict and `42` finds 422 and 429.
 */
export function filterTextFor(info: StatusCodeInfo, written: WrittenCode, partial: string): string {
  const names = [info.name, ...info.oldNames].join(' ');
  if (/^\d/.test(partial) || partial === '') return `${info.code} ${names}`;
  if (/[.:]/.test(partial) || partial === written.text.slice(0, partial.length)) return `${written.text} ${info.code} ${names}`;
  return `${names} ${info.code} ${written.text}`;
}

/** A word of the filter text starts with the partial (case-insensitive); constants match whole. */
export function matchesPartial(filterText: string, partial: string): boolean {
  const p = partial.toLowerCase();
  return filterText
    .toLowerCase()
    .split(/[\s_]+/)
    .some((w) => w.startsWith(p)) || filterText.toLowerCase().startsWith(p);
}

function item(ctx: FeatureContext, info: StatusCodeInfo, slot: StatusSlot, written: WrittenCode, range: TextEdit['range'], filterText: string): CompletionItem {
  const doc = describeCode(info.code, { format: ctx.settings.hover.format });
  const r = rank(info, slot);
  const flags = info.status === 'standard' ? '' : ` (${info.status})`;
  return {
    label: `${info.code} ${info.name}`,
    kind: written.vocabulary ? CompletionItemKind.Constant : CompletionItemKind.Value,
    detail: `${info.summary}${flags}`,
    documentation: ctx.markdown ? { kind: MarkupKind.Markdown, value: doc } : toPlainText(doc),
    filterText,
    sortText: String(r).padStart(5, '0'),
    textEdit: { range, newText: written.text },
    insertTextFormat: InsertTextFormat.PlainText,
    additionalTextEdits: written.importEdit ? [toTextEdit(ctx, written.importEdit)] : undefined,
    deprecated: info.status === 'deprecated' || info.status === 'obsoleted' ? true : undefined,
  };
}
