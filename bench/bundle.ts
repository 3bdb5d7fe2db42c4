// Section 8: what users download: the .vsix (`npm run package`), the dist/ folder it carries,
// and beside them the grammars alone (the floor: the parsers this design must ship).
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot, runDir, snapshot } from './paths';

export interface BundleResult {
  packaged: boolean;
  vsixMb?: number;
  distMb: number;
  grammarsMb: number;
}

function sizeOf(path: string): number {
  const st = statSync(path);
  if (!st.isDirectory()) return st.size;
  return readdirSync(path).reduce((sum, name) => sum + sizeOf(join(path, name)), 0);
}

const MB = 1024 * 1024;

export const productionServer = join(runDir, 'server.production.js');

/** Packages the extension (a production build) when `pack` is set; otherwise measures the current dist/. */
export function measureBundle(pack: boolean): BundleResult {
  const vsix = join(repoRoot, 'http-status-hints.vsix');
  if (pack) {
    // Once more if it fails: another engineer's build may have emptied dist/ under vsce.
    let r = spawnSync('npm', ['run', 'package'], { cwd: repoRoot, encoding: 'utf8', maxBuffer: 64 * MB });
    if (r.status !== 0) r = spawnSync('npm', ['run', 'package'], { cwd: repoRoot, encoding: 'utf8', maxBuffer: 64 * MB });
    if (r.status !== 0) throw new Error(`npm run package failed: ${(r.stderr || r.stdout).slice(-2000)}`);
    // The production server, for its start-up time (dist/ may be rebuilt by others any moment).
    copyFileSync(join(repoRoot, 'dist', 'server.js'), productionServer);
  }
  return {
    packaged: pack,
    vsixMb: pack && existsSync(vsix) ? statSync(vsix).size / MB : undefined,
    // Packaging leaves the production build in dist/; without it, the snapshot is the same build.
    distMb: sizeOf(pack ? join(repoRoot, 'dist') : snapshot.dist) / MB,
    grammarsMb: sizeOf(snapshot.grammars) / MB,
  };
}
