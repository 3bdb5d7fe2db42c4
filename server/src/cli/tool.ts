// The tool's name and version as reports and --version give them (package.json, inlined by esbuild).
import { version as packageVersion } from '../../../package.json';

export const TOOL_NAME = 'http-status-hints';
export const TOOL_VERSION: string = packageVersion;
