// `.http` / `.rest` request files. Status codes appear in three places only: expected-response
// lines (`HTTP/1.1 409 Conflict`, also inside comments: `# expect HTTP/1.1 201`), httpyac
// assertions (`?? status == 201`) and JetBrains response handlers (`response.status === 200`).
// Ports, query strings, header values, variables and bodies are never statuses.
import { emptyModel, type DocumentModel, type StatusSite } from '../../model';
import type { LanguageAdapter } from '../adapter';
import { COMMENT, splitRequests, type Line } from './requests';
import { httpSlot } from './slots';

const STATUS_LINE = /^HTTP\/\d(?:\.\d)?[ \t]+(\d{3})\b/;
const STATUS_IN_COMMENT = /(?:^|[\s#(:>])HTTP\/\d(?:\.\d)?[ \t]+(\d{3})\b/g;
export const ASSERTION = /^[ \t]*\?\?[ \t]*(status|js[ \t]+response\.statusCode)[ \t]*(===?|!==?|>=?|<=?)[ \t]*(\d{3})\b/;
const HANDLER_CHECKS = [
  /\bresponse\.status[ \t]*(?:===?|!==?)[ \t]*(\d{3})\b/g,
  /\b(\d{3})[ \t]*(?:===?|!==?)[ \t]*response\.status\b(?!Text)/g,
];

function site(code: string, start: number, form: string): StatusSite {
  return { code: Number(code), span: { start, end: start + 3 }, kind: 'number', role: 'assertion', form };
}

function sitesOn(line: Line, sites: StatusSite[]): void {
  const t = line.text;
  if (line.script === '>') {
    for (const re of HANDLER_CHECKS) {
      for (const m of t.matchAll(re)) sites.push(site(m[1], line.start + m.index! + m[0].indexOf(m[1]), 'response.status'));
    }
    return;
  }
  if (line.script) return;
  const status = STATUS_LINE.exec(t);
  if (status) {
    sites.push(site(status[1], line.start + status[0].length - 3, 'HTTP status line'));
    return;
  }
  const assertion = ASSERTION.exec(t);
  if (assertion) {
    sites.push(site(assertion[3], line.start + assertion[0].length - 3, `?? ${assertion[1]}`));
    return;
  }
  if (COMMENT.test(t)) {
    for (const m of t.matchAll(STATUS_IN_COMMENT)) sites.push(site(m[1], line.start + m.index! + m[0].length - 3, 'HTTP status line'));
  }
}

function extract(text: string, languageId: string): DocumentModel {
  const model = emptyModel(languageId);
  for (const req of splitRequests(text)) {
    if (req.method) model.handlers.push({ span: { start: req.start, end: req.end }, method: req.method, route: req.url, calls: [] });
    for (const line of req.lines) {
      if (!line.script && COMMENT.test(line.text)) model.comments.push({ span: { start: line.start, end: line.start + line.text.length }, text: line.text.trim() });
      sitesOn(line, model.sites);
    }
  }
  // Two checks on one handler line come out per pattern: keep source order.
  model.sites.sort((a, b) => a.span.start - b.span.start);
  return model;
}

export const httpAdapter: LanguageAdapter = {
  id: 'http',
  languageIds: ['http'],
  extract: (input) => extract(input.text, input.languageId),
  slotAt: (input, offset) => httpSlot(input.text, offset),
};
