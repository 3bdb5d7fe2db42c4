// The line structure of `.http` / `.rest` request files (VS Code REST Client, httpyac, JetBrains
// HTTP Client): requests separated by `###` lines, each with comments, variables, a request line,
// headers, a body, expected-response lines, `??` assertions and script blocks.

export interface Line {
  start: number;
  end: number;
  text: string;
  /** Set on the lines of a script block: `>` response handler, `<` pre-request, `{{` httpyac. */
  script?: '>' | '<' | '{{';
}

export interface Request {
  /** From the block's first line to the end of its last line. */
  start: number;
  end: number;
  method?: string;
  url?: string;
  /** Every line of the block, in order. */
  lines: Line[];
}

export const METHODS = new Set(['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS', 'TRACE', 'CONNECT']);
const REQUEST_LINE = /^([A-Za-z]+)[ \t]+(\S+)/;
const URL_ONLY = /^(https?:\/\/\S+|\{\{[^}]+\}\}\S*)/;
export const SEPARATOR = /^###/;
export const COMMENT = /^[ \t]*(#|\/\/)/;

/** The method and URL when `text` is a request line. */
export function requestLine(text: string): { method: string; url: string } | undefined {
  const m = REQUEST_LINE.exec(text);
  if (m && METHODS.has(m[1].toUpperCase())) return { method: m[1].toUpperCase(), url: m[2] };
  const u = URL_ONLY.exec(text);
  // A bare URL is a GET in REST Client and httpyac.
  return u ? { method: 'GET', url: u[1] } : undefined;
}

/** Whether a line comes before the request line without being it (comments, variables, scripts). */
function preamble(text: string): boolean {
  return !text.trim() || COMMENT.test(text) || /^[ \t]*@[\w.-]+\s*=?/.test(text) || /^\?\?/.test(text);
}

export function splitRequests(text: string): Request[] {
  const out: Request[] = [];
  let current: Request = { start: 0, end: 0, lines: [] };
  let looking = true;
  let script: { kind: '>' | '<' | '{{'; close: string } | undefined;
  for (let pos = 0; pos <= text.length; ) {
    const nl = text.indexOf('\n', pos);
    const end = nl < 0 ? text.length : nl;
    const line: Line = { start: pos, end, text: text.slice(pos, end).replace(/\r$/, '') };
    if (SEPARATOR.test(line.text) && !script) {
      if (current.lines.length) out.push(current);
      current = { start: nl < 0 ? end : nl + 1, end: nl < 0 ? end : nl + 1, lines: [] };
      looking = true;
    } else {
      current.lines.push(line);
      current.end = end;
      const opens = /^([<>])[ \t]*\{%/.exec(line.text);
      if (script) {
        line.script = script.kind;
        if (line.text.includes(script.close)) script = undefined;
      } else if (/^\{\{\s*$/.test(line.text)) {
        script = { kind: '{{', close: '}}' };
        line.script = '{{';
      } else if (opens) {
        line.script = opens[1] as '<' | '>';
        if (!line.text.includes('%}', opens[0].length)) script = { kind: line.script, close: '%}' };
      } else if (looking && !preamble(line.text)) {
        // The first line that is not a comment, variable or assertion is the request line.
        looking = false;
        const r = requestLine(line.text);
        if (r) {
          current.method = r.method;
          current.url = r.url;
        }
      }
    }
    if (nl < 0) break;
    pos = nl + 1;
  }
  if (current.lines.length) out.push(current);
  return out;
}
