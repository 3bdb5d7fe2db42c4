import type { CompletionItem } from 'vscode-languageserver';
import type { FeatureContext } from './context';

/** Status-code completions at `offset`; empty outside a status slot. */
export function doComplete(ctx: FeatureContext, offset: number): CompletionItem[] {
  const slot = ctx.slotAt(offset);
  if (!slot) return [];
  return [];
}
