// The JSON report, for scripts: every file with problems (1-based lines and columns, columns
// in UTF-16 code units as editors count them), the fixes each problem offers, and the counts.
import type { Range } from 'vscode-languageserver';
import { countReport, type Report } from './report';
import { TOOL_NAME, TOOL_VERSION } from './tool';

function position(range: Range) {
  return { line: range.start.line + 1, column: range.start.character + 1, endLine: range.end.line + 1, endColumn: range.end.character + 1 };
}

export function formatJson(report: Report): string {
  const c = countReport(report);
  const out = {
    tool: { name: TOOL_NAME, version: TOOL_VERSION },
    root: report.root,
    files: report.outcomes
      .filter((o) => o.findings.length || o.fixed || o.diff)
      .map((o) => ({
        path: o.rel,
        language: o.languageId,
        problems: o.findings.map((f) => ({
          ruleId: f.ruleId,
          severity: f.level,
          message: f.message,
          ...position(f.range),
          helpUri: f.href,
          fixes: f.fixes.map((x) => ({
            title: x.title,
            preferred: x.preferred,
            safe: x.safe,
            edits: x.edits.map((e) => ({ ...position(e.range), newText: e.newText })),
          })),
          fingerprint: f.fingerprint,
        })),
        ...(o.fixed ? { fixed: o.fixed } : {}),
        ...(o.diff ? { diff: o.diff } : {}),
      })),
    failures: report.outcomes.filter((o) => o.status === 'failed').map((o) => ({ path: o.rel, error: o.error })),
    skipped: {
      gitignored: report.walk.gitignored,
      folders: report.walk.excludedDirs,
      symlinks: report.walk.symlinks,
      files: report.outcomes.filter((o) => o.skip).map((o) => ({ path: o.rel, kind: o.skip!.kind, reason: o.skip!.reason })),
    },
    summary: {
      filesChecked: c.checked,
      problems: c.problems,
      errors: c.byLevel.error,
      warnings: c.byLevel.warning,
      infos: c.byLevel.info,
      hints: c.byLevel.hint,
      fixable: c.fixable,
      fixed: c.fixed,
      failed: c.failed,
      elapsedMs: Math.round(report.elapsedMs),
    },
  };
  return JSON.stringify(out, null, 2) + '\n';
}
