import { InlayHintKind, type InlayHint, type Range } from 'vscode-languageserver';
import { codeInfo } from '../data';
import type { FeatureContext } from './context';
import { partitionPoint } from '../languages/sorted';

/** Codes every reader knows; the default mode leaves them unlabelled. */
const FAMILIAR = new Set([200, 201, 204, 400, 404, 500]);

/**
 * Names beside numeric status literals in `range`: `res.status(409 Conflict)`. Only sites the
 * adapter found (so never on ports or timeouts), only numbers (a constant names itself).
 */
export function doInlayHints(ctx: FeatureContext, range: Range): InlayHint[] {
  const mode = ctx.settings.inlayHints.mode;
  if (mode === 'off') return [];
  const start = ctx.document.offsetAt(range.start);
  const end = ctx.document.offsetAt(range.end);
  const hints: InlayHint[] = [];
  const sites = ctx.model.sites;
  // Sites are sorted: skip to the first one in range, stop after the last.
  const lo = partitionPoint(sites.length, (i) => sites[i].span.end < start);
  const text = ctx.document.getText();
  for (let i = lo; i < sites.length && sites[i].span.start <= end; i++) {
    const site = sites[i];
    // Numbers, and keys or strings that are a bare number (`'409':` in OpenAPI, `responseCode = "409"`).
    const written = site.kind === 'number' ? '' : text.slice(site.span.start, site.span.end).replace(/['"]/g, '');
    if (site.kind !== 'number' && !((site.kind === 'key' || site.kind === 'string') && /^\d{3}$/.test(written))) continue;
    if (mode === 'uncommon' && FAMILIAR.has(site.code)) continue;
    const info = codeInfo(site.code);
    if (!info) continue;
    hints.push({
      position: ctx.document.positionAt(site.span.end),
      label: info.name,
      kind: InlayHintKind.Type,
      paddingLeft: true,
      tooltip: `${info.code} ${info.name}: ${info.summary}`,
    });
  }
  return hints;
}
