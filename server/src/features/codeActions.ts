import type { CodeAction, CodeActionParams } from 'vscode-languageserver';
import type { FeatureContext } from './context';

/** Quick fixes for the diagnostics in `params.context`, and source.fixAll. */
export function doCodeActions(_ctx: FeatureContext, _params: CodeActionParams): CodeAction[] {
  return [];
}

/** The code action kinds the server offers. */
export const codeActionKinds: string[] = ['quickfix'];
