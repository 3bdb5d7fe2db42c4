// Words and codes the generators share.
import type { Random } from './random';

export const NOUNS = ['order', 'invoice', 'customer', 'product', 'shipment', 'ticket', 'account', 'session', 'report', 'payment', 'review', 'coupon'] as const;

export function pick<T>(rnd: Random, items: readonly T[]): T {
  return rnd.pick(items);
}

/** Codes no registry defines, or that only some products use: what nonstandard-code reports. */
export function nonstandardCode(rnd: Random): string {
  return String(rnd.pick([299, 499, 520, 600, 40]));
}
