// nonstandard-code: a status no registry defines, or one only some products use. Clients that
// do not know a code fall back to the generic code of its class (RFC 9110, section 15), and
// codes outside 100-599 are refused by most runtimes.
import { codeInfo } from '../data';
import { statusEdit } from '../languages/edits';
import type { StatusSite } from '../model';
import { codeLabel, rankFixes } from './facts';
import type { Finding, FixCandidate, Rule, RuleContext } from './types';

/** Unofficial codes that a framework's own runtime sends, so its applications may too. */
const FRAMEWORK_CODES: Record<number, string[]> = { 419: ['laravel'] };

function isStandard(code: number): boolean {
  const info = codeInfo(code);
  return !!info && info.status === 'standard' && info.forApplications;
}

/** The standard codes closest in meaning: the data's look-alikes, then the class's generic code. */
export function nearestStandardCodes(code: number): number[] {
  const out: number[] = [];
  const add = (c: number) => {
    if (c !== code && isStandard(c) && !out.includes(c)) out.push(c);
  };
  const info = codeInfo(code);
  for (const c of info?.confusedWith ?? []) add(c.code);
  if (code >= 100 && code <= 599) {
    // Nothing closer in meaning is known: the generic code of the class is what clients assume anyway.
    if (!out.length) add(Math.floor(code / 100) * 100);
  } else {
    // Outside the range: a digit too many or too few is the likely slip.
    if (code >= 1000 && code % 10 === 0) add(code / 10);
    if (code >= 10 && code < 60) add(code * 10);
    if (code > 599) {
      add(500);
      add(400);
    }
  }
  return out.slice(0, 3);
}

function shouldCheck(site: StatusSite): 'any' | 'range' | undefined {
  if (site.kind === 'implicit') return undefined;
  if (site.role === 'response' || site.role === 'declaration') return 'any';
  // A test or a client may meet an unofficial code from a peer; only impossible values are wrong there.
  if (site.role === 'assertion' || site.role === 'comparison') return 'range';
  return undefined;
}

function check(model: Parameters<Rule['check']>[0], ctx: RuleContext): Finding[] {
  const findings: Finding[] = [];
  for (const site of model.sites) {
    const mode = shouldCheck(site);
    if (!mode) continue;
    const { code } = site;
    const info = codeInfo(code);
    const outOfRange = code < 100 || code > 599;
    if (!outOfRange && (mode === 'range' || (info && info.status !== 'unofficial'))) continue;
    // Browsers report 0 for network errors and opaque responses: reading it is not sending it.
    if (mode === 'range' && code === 0) continue;
    if (info?.status === 'unofficial' && FRAMEWORK_CODES[code]?.some((f) => model.frameworks?.includes(f))) continue;
    let message: string;
    if (outOfRange) {
      message = `${code} is not an HTTP status: status codes run from 100 to 599, and most servers and clients reject anything else.`;
    } else if (info) {
      message = `${codeLabel(code)} is not a standard status; it is used by ${info.unofficialUsers?.split(';')[0] ?? 'some products'}. Clients that do not know it treat it as ${codeLabel(Math.floor(code / 100) * 100)}.`;
    } else {
      const generic = Math.floor(code / 100) * 100;
      message = `${code} is not a registered HTTP status; clients will treat it as a generic ${codeLabel(generic)}.`;
    }
    const fixes: FixCandidate[] = [];
    for (const c of nearestStandardCodes(code)) {
      const edits = statusEdit(site, c, ctx.text);
      if (edits) fixes.push({ title: `Change to ${codeLabel(c)}`, edits });
    }
    findings.push({ span: site.span, message, level: outOfRange ? 'error' : undefined, fixes: rankFixes(fixes) });
  }
  return findings;
}

export const nonstandardCode: Rule = {
  id: 'nonstandard-code',
  defaultLevel: 'warning',
  description: 'A status code that no registry defines, or that only some products use.',
  appliesToTests: true,
  check,
};
