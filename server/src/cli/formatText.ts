// The text report: one line per problem in the `path:line:col severity rule-id message` shape
// that terminals, editors and CI problem matchers turn into links, a blank line between files,
// then a summary of what was found, fixed and skipped. --fix-dry-run's diff is separate, so it
// can go to its own stream and be applied as a patch.
import { relative, sep } from 'node:path';
import type { Level } from './args';
import { formatBytes } from './checkFile';
import type { Paint } from './color';
import { countReport, plural, type Report } from './report';

export function formatText(report: Report, p: Paint): string {
  const blocks: string[] = [];
  const problemBlocks: string[] = [];
  for (const o of report.outcomes) {
    if (!o.findings.length) continue;
    const path = displayPath(report, o.path);
    problemBlocks.push(
      o.findings
        .map((f) => `${p.bold(`${path}:${f.range.start.line + 1}:${f.range.start.character + 1}`)} ${levelColour(f.level, p)} ${p.dim(f.ruleId)} ${f.message}`)
        .join('\n'),
    );
  }
  blocks.push(...problemBlocks);
  blocks.push(summary(report, p));
  return blocks.join('\n\n') + '\n';
}

/** The --fix-dry-run patch: every file's diff, in path order (applies with `git apply`). */
export function formatDiffs(report: Report, p: Paint): string {
  return report.outcomes
    .filter((o) => o.diff)
    .map((o) => colourDiff(o.diff!, p) + '\n')
    .join('');
}

/** Lines for files that could not be checked (written to stderr). */
export function formatFailures(report: Report): string[] {
  return report.outcomes.filter((o) => o.status === 'failed').map((o) => `${displayPath(report, o.path)}: could not be checked: ${o.error}`);
}

export function summary(report: Report, p: Paint): string {
  const c = countReport(report);
  const lines: string[] = [];
  const seconds = `${(report.elapsedMs / 1000).toFixed(1)} s`;
  const checked = `${plural(c.checked, 'file')} checked in ${seconds}`;
  if (c.problems) {
    const parts = (['error', 'warning', 'info', 'hint'] as Level[]).filter((l) => c.byLevel[l]).map((l) => plural(c.byLevel[l], l, l === 'info' ? 'info' : `${l}s`));
    const head = `${plural(c.problems, 'problem')} (${parts.join(', ')}) in ${plural(c.filesWithProblems, 'file')}`;
    lines.push(`${c.byLevel.error ? p.red(p.bold(head)) : p.yellow(p.bold(head))}; ${checked}.`);
  } else {
    lines.push(`${p.green(p.bold('No problems'))}: ${checked}.`);
  }
  if (report.mode === 'fix' && c.fixed) lines.push(`Fixed ${plural(c.fixed, 'problem')} in ${plural(c.filesFixed, 'file')}.`);
  if (report.mode === 'dry-run' && c.fixed) lines.push(`--fix would fix ${plural(c.fixed, 'problem')} in ${plural(c.filesFixed, 'file')} (the diff); the problems listed would remain.`);
  if (report.mode === 'none' && c.fixable) lines.push(`${plural(c.fixable, 'problem')} can be fixed with --fix (see the change first with --fix-dry-run).`);
  const skipped = skippedText(report);
  if (skipped) lines.push(p.dim(`Skipped ${skipped}.`));
  if (c.failed) lines.push(p.red(`${plural(c.failed, 'file')} could not be checked (see above).`));
  return lines.join('\n');
}

/** `3 ignored by .gitignore, 2 folders (node_modules, vendor), 1 binary file, 1 file larger than 2 MB`. */
export function skippedText(report: Report): string {
  const c = countReport(report);
  const parts: string[] = [];
  if (report.walk.gitignored) parts.push(`${report.walk.gitignored} ignored by .gitignore`);
  const dirs = Object.entries(report.walk.excludedDirs);
  if (dirs.length) {
    const n = dirs.reduce((sum, [, k]) => sum + k, 0);
    parts.push(`${plural(n, 'folder')} (${dirs.map(([name]) => name).sort().join(', ')})`);
  }
  if (c.skipped.binary) parts.push(`${plural(c.skipped.binary, 'binary file')}`);
  if (c.skipped['too-large']) parts.push(`${plural(c.skipped['too-large'], 'file')} larger than ${formatBytes(report.maxFileSize)}`);
  if (c.skipped.minified) parts.push(`${plural(c.skipped.minified, 'minified file')}`);
  // Rare and surprising, so named: the parser crashed on them or ran out of time (see DocumentStore).
  if (c.skipped.unparsable) {
    const paths = report.outcomes.filter((o) => o.skip?.kind === 'unparsable').map((o) => o.rel);
    parts.push(`${plural(c.skipped.unparsable, 'file')} the parser gave up on (${paths.join(', ')})`);
  }
  if (c.skipped.other) parts.push(`${plural(c.skipped.other, 'other file')}`);
  if (report.walk.symlinks) parts.push(`${plural(report.walk.symlinks, 'symbolic link')}`);
  return parts.join(', ');
}

/** A path as the user typed it: relative to the working folder, with forward slashes. */
export function displayPath(report: Report, abs: string): string {
  const rel = relative(report.cwd, abs);
  return (rel && !rel.startsWith('..') ? rel : abs).split(sep).join('/');
}

function levelColour(level: Level, p: Paint): string {
  switch (level) {
    case 'error':
      return p.red(level);
    case 'warning':
      return p.yellow(level);
    case 'info':
      return p.blue(level);
    default:
      return p.dim(level);
  }
}

function colourDiff(diff: string, p: Paint): string {
  return diff
    .replace(/\n$/, '')
    .split('\n')
    .map((line) => (line.startsWith('+++') || line.startsWith('---') || line.startsWith('diff ') ? p.bold(line) : line.startsWith('+') ? p.green(line) : line.startsWith('-') ? p.red(line) : line.startsWith('@@') ? p.cyan(line) : line))
    .join('\n');
}
