// deprecated-code-or-name: a code the registry retired (305 Use Proxy, 306, 510) or a constant
// name its library renamed (Starlette's HTTP_422_UNPROCESSABLE_ENTITY, Rack's
// :unprocessable_entity, Python 3.13's HTTPStatus.REQUEST_ENTITY_TOO_LARGE). The new names only
// exist in newer releases, so the rename is offered, never applied unasked.
import { codeInfo, constantFor, lookupConstant, vocabularies } from '../data';
import { statusEdit, statusText } from '../languages/edits';
import type { DocumentModel, StatusSite } from '../model';
import { codeLabel, rankFixes } from './facts';
import { nearestStandardCodes } from './nonstandardCode';
import type { Finding, FixCandidate, Rule, RuleContext } from './types';

/** Where the current names come from, for the message: they do not exist in older releases. */
const RENAMED_IN: Record<string, string> = {
  'python-http': 'from Python 3.13 on',
  starlette: 'in newer Starlette releases',
  rack: 'from Rack 3.1 on',
  spring: 'in recent Spring Framework releases',
};

/**
 * Libraries that mark their old names deprecated (Spring's @Deprecated, Starlette's and Rack's
 * warnings, Symfony's @deprecated): only these names are shown struck through. Python's
 * HTTPStatus, ASP.NET Core's StatusCodes and the Servlet API keep theirs as plain aliases, so
 * the rename is suggested without calling the old name deprecated.
 */
const FORMALLY_DEPRECATED = new Set(['spring', 'mockmvc', 'starlette', 'rack', 'symfony']);

function renamed(site: StatusSite, model: DocumentModel, ctx: RuleContext): Finding | undefined {
  if ((site.kind !== 'constant' && site.kind !== 'symbol') || !site.vocabulary || !site.name) return undefined;
  if (!lookupConstant(site.vocabulary, site.name)?.deprecated) return undefined;
  // A project locked to a release without the new names (Rack 2 in Gemfile.lock) must keep the old ones.
  const vocabulary = site.vocabulary;
  if (model.vocabularies.some((v) => v.vocabulary === vocabulary && v.lockedOldNames)) return undefined;
  const current = constantFor(site.vocabulary, site.code);
  // "Python http.HTTPStatus (3.13 names first)" -> "Python http.HTTPStatus"
  const label = (vocabularies()[site.vocabulary]?.label ?? site.vocabulary).replace(/\s*\([^)]*\)\s*$/, '');
  const since = RENAMED_IN[site.vocabulary];
  const written = ctx.text.slice(site.span.start, site.span.end);
  const replacement = current && current !== site.name ? statusText(site, site.code, ctx.text) : undefined;
  const fixes: FixCandidate[] = [];
  if (replacement && replacement !== written) {
    fixes.push({ title: `Use the current name ${replacement}`, edits: [{ start: site.span.start, end: site.span.end, newText: replacement }], preferred: true });
  }
  const deprecated = FORMALLY_DEPRECATED.has(site.vocabulary);
  return {
    span: site.span,
    message: `${written} is ${deprecated ? 'a deprecated' : 'an older'} name for ${codeLabel(site.code)} in ${label}${replacement ? `; the current name is ${replacement}` : ''}${since ? ` (${since})` : ''}${deprecated ? '' : ', and the old one is kept as an alias'}.`,
    tags: deprecated ? ['deprecated'] : [],
    fixes,
  };
}

function retired(site: StatusSite, ctx: RuleContext): Finding | undefined {
  if (site.kind === 'implicit' || (site.role !== 'response' && site.role !== 'declaration')) return undefined;
  const info = codeInfo(site.code);
  // 418 has its own rule (teapot-in-production).
  if (!info || site.code === 418 || !['deprecated', 'unused', 'obsoleted'].includes(info.status)) return undefined;
  const fixes = nearestStandardCodes(site.code).slice(0, 2).map((c): FixCandidate | undefined => {
    const edits = statusEdit(site, c, ctx.text);
    return edits ? { title: `Change to ${codeLabel(c)}`, edits } : undefined;
  });
  const why = info.status === 'obsoleted' ? 'is obsolete' : info.status === 'unused' ? 'is reserved and means nothing today' : 'is deprecated';
  return { span: site.span, message: `${codeLabel(site.code)} ${why}: clients and proxies no longer act on it.`, tags: ['deprecated'], fixes: rankFixes(fixes) };
}

export const deprecatedCodeOrName: Rule = {
  id: 'deprecated-code-or-name',
  defaultLevel: 'info',
  description: 'A retired status code (305, 306, 510) or a constant name its library has renamed.',
  appliesToTests: true,
  check(model, ctx) {
    const findings: Finding[] = [];
    for (const site of model.sites) {
      const f = renamed(site, model, ctx) ?? retired(site, ctx);
      if (f) findings.push(f);
    }
    return findings;
  },
};
