// The printed report: one Markdown table per group, each figure beside its baseline and the
// ratio between them, then the targets marked met or missed.
import type { Results } from './results';

const f = (n: number | undefined) => (n === undefined || !Number.isFinite(n) ? '-' : n < 10 ? n.toFixed(2) : n < 100 ? n.toFixed(1) : String(Math.round(n)));
const r = (n: number) => (Number.isFinite(n) ? `${n.toFixed(n < 10 ? 2 : 1)}x` : '-');
const lines = (n: number) => n.toLocaleString('en-US');
const sign = (n: number) => (Number.isFinite(n) ? `${n >= 0 ? '+' : ''}${n.toFixed(1)} MB` : '-');
const mb = (n: number | undefined) => (n === undefined ? '-' : `${n.toFixed(n < 10 ? 2 : 0)} MB`);

function table(head: string[], rows: string[][]): string {
  return [`| ${head.join(' | ')} |`, `| ${head.map(() => '---').join(' | ')} |`, ...rows.map((row) => `| ${row.join(' | ')} |`)].join('\n');
}

/** Whether the first documents were no longer resident when the benchmark came back to them. */
function freed(m: Results['memory']): boolean {
  const fit = Math.max(1, Math.min(m.resident.documents, Math.floor(m.resident.characters / m.docCharacters)));
  return m.manyDocs > fit;
}

/** The memory figures: resident size with 1 and 50 documents, where it is, growth over open/close cycles. */
function memoryRows(m: Results['memory']): string[][] {
  return [
    ['RSS, 1 open document', mb(m.oneDocMb), `idle: ${mb(m.idleMb)}`, r(m.oneDocMb / m.idleMb)],
    [
      `RSS, ${m.manyDocs} open documents (${lines(m.docLines)} lines, ${m.analysed} analysed; trees and models kept for the most recent, at most ${m.resident.documents} documents and ${Math.round(m.resident.characters / 1024)}K characters)`,
      mb(m.manyDocsMb),
      `every document resident, V8's default heap sizing (${m.allResident.analysed} analysed): ${mb(m.allResident.manyDocsMb)}`,
      r(m.manyDocsMb / m.allResident.manyDocsMb),
    ],
    [
      `Same, with V8's default heap sizing (no heapTuning.ts)`,
      mb(m.defaultHeap.manyDocsMb),
      `every document resident: ${mb(m.allResident.manyDocsMb)}`,
      r(m.defaultHeap.manyDocsMb / m.allResident.manyDocsMb),
    ],
    [`Same, against the idle server`, mb(m.manyDocsMb), `idle: ${mb(m.idleMb)}`, r(m.manyDocsMb / m.idleMb)],
    [
      `Server memory after a full GC, ${m.manyDocs} documents open`,
      `heap ${mb(m.manyDocsProbe.heapMb)} used of ${mb(m.manyDocsProbe.heapTotalMb)}, wasm ${mb(m.manyDocsProbe.wasmMb)}`,
      `default heap sizing: heap ${mb(m.defaultHeap.manyDocsProbe.heapMb)} of ${mb(m.defaultHeap.manyDocsProbe.heapTotalMb)}, wasm ${mb(m.defaultHeap.manyDocsProbe.wasmMb)}; every document resident: heap ${mb(m.allResident.manyDocsProbe.heapMb)} of ${mb(m.allResident.manyDocsProbe.heapTotalMb)}, wasm ${mb(m.allResident.manyDocsProbe.wasmMb)}`,
      '-',
    ],
    [
      `Hover on a document opened ${m.manyDocs - 1} documents earlier, first request${freed(m) ? ' (its tree was freed: parse + analysis)' : ''}, median of ${m.hover.documents}`,
      `${f(m.hover.firstMs)} ms`,
      `next hover on it: ${f(m.hover.hotMs)} ms; every document resident: ${f(m.allResident.hover.firstMs)} ms`,
      r(m.hover.firstMs / m.hover.hotMs),
    ],
    [
      `Growth over ${lines(m.openClose.documents)} documents opened and closed (${m.openClose.lines} lines), after a full GC: heap / wasm`,
      `${sign(m.openClose.after.heapMb - m.openClose.before.heapMb)} / ${sign(m.openClose.after.wasmMb - m.openClose.before.wasmMb)}`,
      `before: heap ${mb(m.openClose.before.heapMb)}, wasm ${mb(m.openClose.before.wasmMb)}`,
      '-',
    ],
    [
      `Resident growth over the same documents`,
      sign(m.openClose.growthMb),
      `after warm-up: ${mb(m.openClose.beforeMb)}`,
      r(m.openClose.afterMb / m.openClose.beforeMb),
    ],
    [
      `Same cycles in this process: heap / wasm growth after a full GC`,
      `${sign(m.inProcess.heapGrowthMb)} / ${sign(m.inProcess.wasmGrowthMb)}`,
      'zero growth',
      '-',
    ],
  ];
}

/** The memory section alone (`npm run bench -- --only memory`). */
export function formatMemoryTable(m: Results['memory']): string {
  return table(['Figure', 'Measured', 'Baseline', 'Ratio'], memoryRows(m)) + '\n';
}

/** The CLI figures: ours with the default threads and with one, against ESLint, and whether the findings agree. */
function cliRows(c: Results['cli']): string[][] {
  return [
    [`CLI check, ${c.files} JS files (${lines(c.lines)} lines), all rules`, `${f(c.cliMs)} ms`, `ESLint ${c.eslintVersion}, one rule: ${f(c.eslintMs)} ms`, `${r(c.eslintMs / c.cliMs)} faster`],
    ['CLI check, one worker thread', `${f(c.cliOneThreadMs)} ms`, `ESLint: ${f(c.eslintMs)} ms`, `${r(c.eslintMs / c.cliOneThreadMs)} faster`],
    ['Same findings (nonstandard codes)', `ours ${c.cliFindings}`, `ESLint ${c.eslintFindings}`, c.cliFindings === c.eslintFindings ? 'agree' : 'DISAGREE'],
  ];
}

/** The CLI section alone (`npm run bench -- --only cli`). */
export function formatCliTable(c: Results['cli']): string {
  return table(['Figure', 'Measured', 'Baseline', 'Ratio'], cliRows(c)) + '\n';
}

/** Sections 1-3: parse, full analysis and edit per language and size (also `--only analysis`). */
export function formatAnalysisTable(analysis: Results['analysis'], skipped: Results['skipped']): string {
  const out: string[] = [];
  out.push('**Analysis in process** (medians, ms). Full = open + parse + model + every rule; edit = one character typed in the middle, incremental re-parse + model + rules.\n');
  out.push(
    table(
      ['Language', 'Lines', 'Parse', 'Full', 'Full / parse', 'Extract + rules', 'Edit p50', 'Edit / full', 'Sites', 'Diagnostics'],
      [
        ...analysis.map((a) => [
          a.language,
          lines(a.lines),
          f(a.parseMs),
          f(a.fullMs),
          r(a.fullMs / a.parseMs),
          `${f(a.fullParts.extractMs)} + ${f(a.fullParts.rulesMs)}`,
          f(a.editP50Ms),
          (a.editP50Ms / a.fullMs).toFixed(2),
          String(a.sites),
          String(a.diagnostics),
        ]),
        ...skipped.map((s) => [s.language, lines(s.lines), 'skipped', s.reason, '', '', '', '', '', '']),
      ],
    ),
  );

  return out.join('\n') + '\n';
}

export function formatTable(res: Results): string {
  const out: string[] = [];
  const load = res.meta.loadAverage;
  out.push(
    `Run ${res.meta.date}${res.meta.quick ? ' (quick)' : ''}, Node ${res.meta.node}, ${res.meta.cpus} cores, load average ${load.start[0].toFixed(1)} at start / ${load.end[0].toFixed(1)} at end, commit ${res.meta.commit}, ${Math.round(res.meta.durationS)} s.`,
  );

  out.push(`\n${formatAnalysisTable(res.analysis, res.skipped).trimEnd()}`);

  out.push('\n**Requests over stdio** to `node dist/server.js --stdio` (ms, p50 / p99 of the requests; floor = JSON-RPC round trip of an unknown method). Ratio = hover p50 / floor p50.\n');
  out.push(
    table(
      ['Language', 'Lines', 'Open + first pull', 'Floor', 'Hover', 'Completion', 'Inlay hints (60 lines)', 'Hover / floor', 'Hits h/c/i'],
      res.latency.map((l) => [
        l.language,
        lines(l.lines),
        f(l.firstRequestMs),
        f(l.rpc.p50),
        `${f(l.hover.p50)} / ${f(l.hover.p99)}`,
        `${f(l.completion.p50)} / ${f(l.completion.p99)}`,
        `${f(l.inlay.p50)} / ${f(l.inlay.p99)}`,
        r(l.hover.p50 / l.rpc.p50),
        `${l.hover.hits}/${l.completion.hits}/${l.inlay.hits} of ${l.hover.requests}`,
      ]),
    ),
  );

  const s = res.startup;
  const m = res.memory;
  const c = res.cli;
  const b = res.bundle;
  out.push('\n**Start, memory, CLI, bundle**\n');
  out.push(
    table(
      ['Figure', 'Measured', 'Baseline', 'Ratio'],
      [
        ['Start to initialize result (development bundle)', `${f(s.initializeMs)} ms`, `bare \`node -e 0\`: ${f(s.bareNodeMs)} ms`, r(s.initializeMs / s.bareNodeMs)],
        ...(s.initializeProductionMs !== undefined
          ? [['Start to initialize result (production bundle, as shipped)', `${f(s.initializeProductionMs)} ms`, `bare \`node -e 0\`: ${f(s.bareNodeMs)} ms`, r(s.initializeProductionMs / s.bareNodeMs)]]
          : []),
        ['Start to first diagnostics, 1,000-line JS (push)', `${f(s.firstDiagnosticsMs)} ms`, `initialize: ${f(s.initializeMs)} ms`, r(s.firstDiagnosticsMs / s.initializeMs)],
        ...memoryRows(m),
        ...cliRows(c),
        ['.vsix', b.vsixMb === undefined ? 'not packaged (quick)' : mb(b.vsixMb), `grammars alone: ${mb(b.grammarsMb)}`, b.vsixMb === undefined ? '-' : r(b.vsixMb / b.grammarsMb)],
        [`dist/ (${b.packaged ? 'production build' : 'development build'})`, mb(b.distMb), `grammars alone: ${mb(b.grammarsMb)}`, r(b.distMb / b.grammarsMb)],
      ],
    ),
  );

  out.push('\n**Targets**\n');
  out.push(table(['Target', 'Measured', 'Met'], res.targets.map((t) => [t.target, t.measured, t.met === null ? 'not measured' : t.met ? 'met' : '**missed**'])));
  return out.join('\n') + '\n';
}
