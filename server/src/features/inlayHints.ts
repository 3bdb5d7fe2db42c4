import type { InlayHint, Range } from 'vscode-languageserver';
import type { FeatureContext } from './context';

/** Names beside numeric status literals in `range`. */
export function doInlayHints(_ctx: FeatureContext, _range: Range): InlayHint[] {
  return [];
}
