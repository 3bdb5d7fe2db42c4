// Generated source files for the benchmark: seeded, so every run parses the same text. Each
// language's generator writes blocks (route handlers, ordinary code, comments, data) until the
// file reaches the wanted line count, the way real service files mix them.
import { seeded, seedOf, type Random } from './random';
import { javascriptBlock, javascriptHeader } from './gen-javascript';
import { pythonBlock, pythonHeader } from './gen-python';
import { goBlock, goFooter, goHeader } from './gen-go';

export type BenchLanguage = 'javascript' | 'typescript' | 'python' | 'go';

export const BENCH_LANGUAGES: BenchLanguage[] = ['javascript', 'typescript', 'python', 'go'];

/** Marks the place right after the `(` of a call where completion offers codes; removed from the text. */
export const SLOT = '\u0001';

export interface Generated {
  languageId: BenchLanguage;
  text: string;
  lines: number;
  /** Offsets where a status is typed (`res.status(|`), for completion requests. */
  slots: number[];
}

/** What a block generator gets: the random stream, a counter for unique names, the language. */
export interface GenContext {
  rnd: Random;
  n: number;
  ts: boolean;
  /** Go: handler names, registered in one routes() function at the end. */
  routes: string[];
}

export const EXTENSIONS: Record<BenchLanguage, string> = { javascript: 'js', typescript: 'ts', python: 'py', go: 'go' };

export function generate(languageId: BenchLanguage, lines: number, label = ''): Generated {
  const ctx: GenContext = { rnd: seeded(seedOf(`${languageId}:${lines}:${label}`)), n: 0, ts: languageId === 'typescript', routes: [] };
  const header = languageId === 'python' ? pythonHeader(ctx) : languageId === 'go' ? goHeader(ctx) : javascriptHeader(ctx);
  const parts: string[] = [header];
  let count = lineCount(header);
  const block = languageId === 'python' ? pythonBlock : languageId === 'go' ? goBlock : javascriptBlock;
  // The footer (Go route table) is short; leave room so the total lands near the target.
  while (count < lines - 4) {
    ctx.n++;
    const b = block(ctx);
    parts.push(b);
    count += lineCount(b);
  }
  if (languageId === 'go') parts.push(goFooter(ctx));
  else if (languageId !== 'python') parts.push(`\napp.listen(Number(process.env.PORT ?? 3000));\n`);
  return withSlots(languageId, parts.join(''));
}

function lineCount(s: string): number {
  let n = 0;
  for (let i = s.indexOf('\n'); i >= 0; i = s.indexOf('\n', i + 1)) n++;
  return n;
}

/** Removes the slot markers, keeping the offsets where they were. */
function withSlots(languageId: BenchLanguage, marked: string): Generated {
  const slots: number[] = [];
  let text = '';
  let from = 0;
  for (let i = marked.indexOf(SLOT); i >= 0; i = marked.indexOf(SLOT, i + 1)) {
    text += marked.slice(from, i);
    slots.push(text.length);
    from = i + 1;
  }
  text += marked.slice(from);
  return { languageId, text, lines: lineCount(text) + (text.endsWith('\n') ? 0 : 1), slots };
}

/** A deterministic tree of JavaScript service files (for the CLI and ESLint), sizes like a real repo's. */
export function generateTree(files: number, seed = 'tree'): { path: string; text: string }[] {
  const rnd = seeded(seedOf(seed));
  const folders = ['routes', 'handlers', 'api', 'services', 'controllers'];
  const out: { path: string; text: string }[] = [];
  for (let i = 0; i < files; i++) {
    // Mostly small and medium files, a few large ones.
    const size = rnd.chance(0.1) ? rnd.int(1200, 2500) : rnd.int(80, 700);
    const g = generate('javascript', size, `tree${i}`);
    out.push({ path: `src/${rnd.pick(folders)}/module${i}.js`, text: g.text });
  }
  return out;
}
