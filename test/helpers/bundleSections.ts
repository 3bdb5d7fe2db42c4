// A built bundle cut at esbuild's `// path` comments: one section per source module, so a test
// can pin what it finds to the module it comes from.

export interface Section {
  path: string;
  text: string;
}

export function sections(bundle: string): Section[] {
  const out: Section[] = [];
  let current: Section = { path: '(prelude)', text: '' };
  for (const line of bundle.split('\n')) {
    // A git worktree whose node_modules is a link to another checkout's names it `../<checkout>/node_modules/...`.
    const m = /^\/\/ (?:(?:\.\.\/)+[^\s/]+\/)?((?:node_modules|server|data|client)\/\S+)$/.exec(line);
    if (m) {
      out.push(current);
      current = { path: m[1], text: '' };
    } else {
      current.text += `${line}\n`;
    }
  }
  out.push(current);
  return out;
}
