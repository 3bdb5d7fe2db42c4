// The project's shared settings file (.http-status-hints.json or package.json's
// "httpStatusHints"), read for the editor too so that the editor and CI report the same
// findings. Read as JSON only; nothing from the workspace is executed.
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ConfigError, findProjectRoot, loadProjectConfig } from './config/projectConfig';

export class ProjectSettings {
  private readonly byRoot = new Map<string, Record<string, unknown>>();

  constructor(private readonly warn: (message: string) => void) {}

  /** The raw project settings that apply to a document (empty outside file: URIs). */
  rawFor(uri: string): Record<string, unknown> {
    if (!uri.startsWith('file:')) return {};
    let root: string;
    try {
      root = findProjectRoot(dirname(fileURLToPath(uri)));
    } catch {
      return {};
    }
    let raw = this.byRoot.get(root);
    if (!raw) {
      try {
        raw = loadProjectConfig(root).raw;
      } catch (e) {
        this.warn(e instanceof ConfigError ? `${e.message}; the project settings file is ignored.` : `Could not read the project settings in ${root}.`);
        raw = {};
      }
      this.byRoot.set(root, raw);
    }
    return raw;
  }

  /** Forget what was read (the file changed). */
  clear(): void {
    this.byRoot.clear();
  }
}
