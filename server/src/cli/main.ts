// `http-status-hints`: the command-line checker. Every mistake the user can make ends in one
// clear line and exit code 2, never a stack trace; findings end in 1; a clean tree in 0.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { ConfigError, findProjectRoot, loadConfigFile, loadProjectConfig } from '../config/projectConfig';
import { parseArgs, UsageError, type Options } from './args';
import { assertRuleId, ruleCatalog } from './catalog';
import { paint, useColor } from './color';
import { explain } from './explain';
import { formatJson } from './formatJson';
import { formatSarif } from './formatSarif';
import { formatDiffs, formatFailures, formatText, summary } from './formatText';
import { helpText } from './help';
import { runChecks } from './pool';
import { createProgress, progressEnabled } from './progress';
import { exitCodeFor, type Report } from './report';
import { TOOL_NAME, TOOL_VERSION } from './tool';
import { collectFiles } from './walk';

async function main(argv: string[]): Promise<number> {
  const opts = parseArgs(argv);
  const color = useColor(opts.color, opts.output ? {} : process.stdout, process.env);
  const p = paint(color);
  switch (opts.command) {
    case 'help':
      process.stdout.write(helpText());
      return 0;
    case 'version':
      process.stdout.write(`${TOOL_VERSION}\n`);
      return 0;
    case 'rules':
      process.stdout.write(ruleCatalog().map((r) => `${r.id.padEnd(34)} ${r.defaultLevel.padEnd(8)} ${r.description}`).join('\n') + '\n');
      return 0;
    case 'explain':
      process.stdout.write(explain(opts.explain ?? '', p, process.stdout.isTTY ? Math.min(process.stdout.columns || 80, 100) : undefined));
      return 0;
    default:
      return check(opts);
  }
}

async function check(opts: Options): Promise<number> {
  const started = performance.now();
  const cwd = process.cwd();
  const root = findProjectRoot(cwd);
  for (const r of opts.rules) assertRuleId(r.id);
  const overrides = (raw: Record<string, unknown>) => {
    if (!opts.rules.length) return raw;
    const rules = raw.rules && typeof raw.rules === 'object' && !Array.isArray(raw.rules) ? { ...(raw.rules as Record<string, unknown>) } : {};
    for (const r of opts.rules) {
      rules[r.id] = r.level;
      delete raw[`rules.${r.id}`];
    }
    return { ...raw, rules };
  };
  const config = opts.config ? loadConfigFile(resolve(cwd, opts.config), overrides) : loadProjectConfig(root, overrides);
  if (config.warnings.length) {
    // In CI a setting that silently fell back would hide what the team asked for: stop instead.
    throw new ConfigError(shortPath(cwd, config.source ?? 'settings'), config.warnings.map((w) => w.replace(/^[^:]*: /, '')).join(' '));
  }
  const walk = collectFiles(opts.paths, cwd, root);
  const mode = opts.fix ? 'fix' : opts.fixDryRun ? 'dry-run' : 'none';
  const progress = createProgress(walk.files.length, progressEnabled(opts.progress, process.stderr, process.env));
  const outcomes = await runChecks(walk.files, { root, settings: config.settings, fix: mode, jobs: opts.jobs, onResult: () => progress.tick() });
  progress.done();
  const report: Report = { root, cwd, mode, outcomes, walk: walk.skips, elapsedMs: performance.now() - started, maxFileSize: config.settings.maxFileSize };

  for (const line of formatFailures(report)) process.stderr.write(`${TOOL_NAME}: ${line}\n`);
  const toFile = opts.output !== undefined;
  // A report file is read later, in an editor or a CI artifact: never colour it.
  const p = paint(!toFile && useColor(opts.color, process.stdout, process.env));
  let text: string;
  if (opts.format === 'json') text = formatJson(report);
  else if (opts.format === 'sarif') text = formatSarif(report, ruleCatalog());
  else if (mode === 'dry-run') {
    // The patch alone on stdout, so `--fix-dry-run > fixes.patch` or `| git apply` works; the report goes to stderr.
    text = formatDiffs(report, p);
    process.stderr.write(formatText(report, paint(useColor(opts.color, process.stderr, process.env))));
  } else text = formatText(report, p);

  if (toFile) {
    const file = resolve(cwd, opts.output!);
    try {
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, text);
    } catch (e) {
      throw new UsageError(`cannot write ${opts.output}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
    }
    const e = paint(useColor(opts.color, process.stderr, process.env));
    process.stderr.write(`Wrote ${opts.output}. ${summary(report, e).split('\n')[0]}\n`);
  } else {
    process.stdout.write(text);
  }
  return exitCodeFor(report, opts.maxSeverity);
}

function shortPath(cwd: string, file: string): string {
  const rel = relative(cwd, file);
  return rel && !rel.startsWith('..') ? rel : file;
}

// A closed pipe (`| head`) is not an error worth a message.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
});

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    if (e instanceof UsageError || e instanceof ConfigError) {
      const hint = e instanceof UsageError ? ` (see ${TOOL_NAME} --help)` : '';
      process.stderr.write(`${TOOL_NAME}: ${e.message}${hint}\n`);
    } else {
      process.stderr.write(`${TOOL_NAME}: internal error: ${e instanceof Error ? e.message : String(e)}\n`);
      if (process.env.HTTP_STATUS_HINTS_DEBUG && e instanceof Error) process.stderr.write(`${e.stack}\n`);
    }
    process.exitCode = 2;
  },
);
