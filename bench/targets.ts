// The issue's targets, judged on this run's figures. A target whose figure was not measured
// (quick mode, a skipped size) is reported as such, never as met.
import type { Results } from './results';

export interface Target {
  id: string;
  target: string;
  measured: string;
  /** true met, false missed, null not measured. */
  met: boolean | null;
}

const ms = (n: number) => `${n < 10 ? n.toFixed(2) : n < 100 ? n.toFixed(1) : Math.round(n)} ms`;
const x = (n: number) => `${n.toFixed(n < 10 ? 2 : 1)}x`;

export function judge(r: Results): Target[] {
  const out: Target[] = [];
  const js10k = r.analysis.find((a) => a.language === 'javascript' && a.lines >= 9000 && a.lines <= 11000);
  out.push(
    js10k
      ? { id: 'full-vs-parse', target: 'full analysis <= 1.5x parse (10k-line JS)', measured: `${x(js10k.fullMs / js10k.parseMs)} (${ms(js10k.fullMs)} vs ${ms(js10k.parseMs)})`, met: js10k.fullMs <= 1.5 * js10k.parseMs }
      : { id: 'full-vs-parse', target: 'full analysis <= 1.5x parse (10k-line JS)', measured: 'not measured', met: null },
  );
  out.push(
    js10k
      ? {
          id: 'edit',
          target: 'edit -> diagnostics p50 < 1/5 of cold full analysis and < 20 ms (10k-line JS)',
          measured: `${ms(js10k.editP50Ms)} = ${(js10k.editP50Ms / js10k.fullMs).toFixed(2)} of full`,
          met: js10k.editP50Ms < js10k.fullMs / 5 && js10k.editP50Ms < 20,
        }
      : { id: 'edit', target: 'edit -> diagnostics p50 < 1/5 of cold full analysis and < 20 ms (10k-line JS)', measured: 'not measured', met: null },
  );
  const lat = r.latency;
  const worst = (k: 'hover' | 'completion') => lat.reduce((w, l) => (l[k].p99 > (w?.[k].p99 ?? -1) ? l : w), undefined as (typeof lat)[number] | undefined);
  for (const [k, limit] of [['hover', 10], ['completion', 20]] as const) {
    const w = worst(k);
    const missingSizes = r.skipped.filter((s) => s.latency).map((s) => `${s.language} ${s.lines}`);
    out.push({
      id: `${k}-p99`,
      target: `${k} p99 < ${limit} ms at every size`,
      measured: w ? `worst ${ms(w[k].p99)} (${w.language}, ${w.lines} lines)${missingSizes.length ? `; not measured: ${missingSizes.join(', ')}` : ''}` : 'not measured',
      met: w ? (w[k].p99 < limit ? (missingSizes.length ? null : true) : false) : null,
    });
  }
  // What users run is the minified bundle of the .vsix; without packaging, the development one.
  const init = r.startup.initializeProductionMs ?? r.startup.initializeMs;
  out.push({
    id: 'initialize',
    target: 'initialize < 300 ms',
    measured: `${ms(init)} (${r.startup.initializeProductionMs !== undefined ? 'production bundle' : 'development bundle'})`,
    met: init < 300,
  });
  const g = r.startup.grammars;
  const lazy = g.atInitialize.length === 0 && g.afterJavascript.join() === 'javascript' && g.afterPython.join() === 'javascript,python';
  out.push({
    id: 'grammars-lazy',
    target: 'grammars load on first use of a language only',
    measured: `at initialize: ${g.atInitialize.join(', ') || 'none'}; after a .js: ${g.afterJavascript.join(', ') || 'none'}; after a .py: ${g.afterPython.join(', ') || 'none'}`,
    met: lazy,
  });
  const m = r.memory;
  out.push({
    id: 'rss-50',
    target: 'server RSS < 150 MB with 50 open 10k-line documents',
    measured: `${m.manyDocsMb.toFixed(0)} MB (${m.manyDocs} docs of ${m.docLines} lines, ${m.analysed} analysed; every document resident: ${m.allResident.manyDocsMb.toFixed(0)} MB)`,
    met: m.manyDocs >= 50 && m.docLines >= 9000 ? (m.analysed < m.manyDocs && m.manyDocsMb < 150 ? null : m.manyDocsMb < 150) : null,
  });
  const oc = m.openClose;
  const sign = (n: number) => `${n >= 0 ? '+' : ''}${n.toFixed(1)} MB`;
  const wasmGrowth = oc.after.wasmMb - oc.before.wasmMb;
  const heapGrowth = oc.after.heapMb - oc.before.heapMb;
  out.push({
    id: 'no-growth',
    target: 'no growth after opening and closing 1,000 documents (server wasm memory and JS heap after a full GC: <= 1 MB each)',
    measured: `wasm ${sign(wasmGrowth)}, heap ${sign(heapGrowth)} (resident ${sign(oc.growthMb)})`,
    met: oc.documents >= 1000 ? wasmGrowth <= 1 && heapGrowth <= 1 : null,
  });
  const c = r.cli;
  out.push({
    id: 'cli-vs-eslint',
    target: 'CLI >= 3x faster than ESLint with one rule',
    measured: `${x(c.eslintMs / c.cliMs)} (${ms(c.cliMs)} vs ${ms(c.eslintMs)}, ${c.files} files)`,
    met: c.files >= 200 ? c.eslintMs / c.cliMs >= 3 : null,
  });
  out.push({
    id: 'vsix',
    target: '.vsix < 5 MB',
    measured: r.bundle.vsixMb !== undefined ? `${r.bundle.vsixMb.toFixed(2)} MB` : 'not packaged (quick run)',
    met: r.bundle.vsixMb !== undefined ? r.bundle.vsixMb < 5 : null,
  });
  return out;
}
