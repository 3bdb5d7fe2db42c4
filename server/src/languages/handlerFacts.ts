// Handlers found by an adapter, onto the model: the names each one calls, and the methods its
// route has in this file (what Allow should list), for adapters that know each handler's methods.
import type { DocumentModel, HandlerFacts } from '../model';

export interface FoundHandler {
  facts: HandlerFacts;
  /** The methods this handler's registration accepts. */
  methods: string[];
}

/**
 * Pushes the handlers' facts onto the model in their order, each with the names `calledIn`
 * gives for its span (undefined names are left out) and, for a handler with a route, every
 * method any handler of that route accepts.
 */
export function placeHandlers(model: DocumentModel, handlers: readonly FoundHandler[], calledIn: (start: number, end: number) => Iterable<string | undefined>): void {
  const routeMethods = new Map<string, Set<string>>();
  for (const h of handlers) {
    if (h.facts.route === undefined) continue;
    const s = routeMethods.get(h.facts.route) ?? new Set<string>();
    h.methods.forEach((m) => s.add(m));
    routeMethods.set(h.facts.route, s);
  }
  for (const h of handlers) {
    for (const n of calledIn(h.facts.span.start, h.facts.span.end)) if (n) h.facts.calls.push(n);
    if (h.facts.route !== undefined) h.facts.routeMethods = [...(routeMethods.get(h.facts.route) ?? [])];
    model.handlers.push(h.facts);
  }
}
