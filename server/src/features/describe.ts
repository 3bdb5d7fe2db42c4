// The reference text for one status code, as Markdown. Hover, completion documentation, the
// look-up command and the CLI's --explain all use this one text.
import { codeInfo, lookupConstant, vocabularies, type StatusCodeInfo } from '../data';

const CLASS_NAMES: Record<string, string> = {
  '1xx': 'informational',
  '2xx': 'success',
  '3xx': 'redirection',
  '4xx': 'client error',
  '5xx': 'server error',
};

export function title(info: StatusCodeInfo): string {
  return `${info.code} ${info.name}`;
}

function statusNote(info: StatusCodeInfo): string | undefined {
  switch (info.status) {
    case 'unofficial':
      return `Unofficial: not in the IANA registry${info.unofficialUsers ? `; used by ${info.unofficialUsers}` : ''}.`;
    case 'unused':
      return 'Reserved and unused: IANA lists it, but no specification defines it for use.';
    case 'deprecated':
      return 'Deprecated: do not send it.';
    case 'obsoleted':
      return 'Obsoleted: the specification that defined it is historic.';
    default:
      return undefined;
  }
}

function links(info: StatusCodeInfo): string {
  const out: string[] = [];
  if (info.spec) out.push(`[${info.spec.ref}](${info.spec.url})`);
  if (info.mdn) out.push(`[MDN](${info.mdn})`);
  return out.join(' · ');
}

export interface DescribeOptions {
  format: 'full' | 'compact';
  /** How the code was written, e.g. `StatusCodes.CONFLICT`, with its vocabulary. */
  constant?: { vocabulary: string; name: string };
}

/** Markdown for a known code; for an unknown code, a short note saying no registry defines it. */
export function describeCode(code: number, options: DescribeOptions): string {
  const info = codeInfo(code);
  if (!info) return describeUnknown(code);
  const lines: string[] = [];
  const cls = CLASS_NAMES[info.class] ?? info.class;
  lines.push(`**${title(info)}** · ${cls}`);
  lines.push('');
  lines.push(info.summary);
  const note = statusNote(info);
  if (note) lines.push('', `_${note}_`);
  if (options.constant) {
    const hit = lookupConstant(options.constant.vocabulary, options.constant.name);
    const label = vocabularies()[options.constant.vocabulary]?.label ?? options.constant.vocabulary;
    if (hit?.deprecated) {
      const current = info.constants[options.constant.vocabulary]?.[0];
      lines.push('', `\`${options.constant.name}\` is an old name in ${label}${current ? `; the current name is \`${current}\`` : ''}.`);
    } else {
      lines.push('', `\`${options.constant.name}\` = ${code} in ${label}.`);
    }
  }
  if (info.oldNames.length) lines.push('', `Also known as: ${info.oldNames.join(', ')}.`);
  if (options.format === 'full') {
    lines.push('', `**Use it when** ${lowerFirst(info.useWhen)}`);
    lines.push('', `**Not when** ${lowerFirst(info.avoidWhen)}`);
    if (info.confusedWith.length) {
      lines.push('', '**Often confused with**');
      for (const c of info.confusedWith) {
        const other = codeInfo(c.code);
        lines.push(`- **${c.code}${other ? ` ${other.name}` : ''}**: ${c.how}`);
      }
    }
    if (info.headers.length) {
      lines.push('', '**Headers**');
      for (const h of info.headers) lines.push(`- \`${h.name}\` (${h.requirement === 'must' ? 'required' : h.requirement === 'should' ? 'expected' : 'optional'}): ${h.note}`);
    }
    if (!info.bodyAllowed) lines.push('', 'A response with this status has no body.');
  }
  const l = links(info);
  if (l) lines.push('', l);
  return lines.join('\n');
}

const CLASS_GUIDANCE: Record<string, string> = {
  '1xx': 'Interim answers sent before the final response; servers and proxies produce them, applications rarely declare them.',
  '2xx': 'The request worked. Document the specific success codes an operation returns where you can (200, 201, 204).',
  '3xx': 'The client must go elsewhere or use its cached copy; redirects carry a Location header.',
  '4xx': 'The request was wrong: bad input, missing credentials, no permission, a missing resource or a conflict. The client should change the request before retrying.',
  '5xx': 'The server failed to handle a valid request. Clients may retry later; the body should not expose internal details.',
};

/** Markdown for a range key such as `4XX` in an OpenAPI document: any code of that class. */
export function describeClass(cls: string): string {
  const key = `${cls[0]}xx`;
  const name = CLASS_NAMES[key] ?? key;
  return `**${cls.toUpperCase()}** · any ${name} code

${CLASS_GUIDANCE[key] ?? ''}

A range key documents every code of the class that the operation does not list on its own. [RFC 9110, Section 15](https://www.rfc-editor.org/rfc/rfc9110#section-15) · [OpenAPI: Responses Object](https://spec.openapis.org/oas/v3.1.0#responses-object)`;
}

function describeUnknown(code: number): string {
  const range = code < 100 || code > 599 ? ' It is outside 100–599, so HTTP servers and clients reject it.' : '';
  return `**${code}** · not a registered HTTP status code\n\nNo registry (IANA) or common product defines ${code}.${range}\n\n[IANA HTTP Status Code Registry](https://www.iana.org/assignments/http-status-codes/http-status-codes.xhtml)`;
}

function lowerFirst(s: string): string {
  return s.length && /^[A-Z][a-z]/.test(s) ? s[0].toLowerCase() + s.slice(1) : s;
}

/** Markdown to plain text for clients that do not render Markdown. */
export function toPlainText(markdown: string): string {
  return markdown
    .replace(/\[([^\]]+)\]\(([^)]+)\)/g, '$1 <$2>')
    .replace(/\*\*([^*]+)\*\*/g, '$1')
    .replace(/(^|\s)_([^_]+)_(?=\s|$|[.,])/g, '$1$2')
    .replace(/`([^`]+)`/g, '$1');
}
