// Test helper: the feature context the server builds for an open document (its adapter's
// completion slots and import edits over the current text and tree), for tests that drive the
// features over a DocumentStore entry directly.
import type { OpenDocument } from '../../server/src/documents';
import type { FeatureContext } from '../../server/src/features/context';
import type { DocumentModel } from '../../server/src/model';
import { cloneDefaults, type Settings } from '../../server/src/settings';

export function featureContextFor(entry: OpenDocument, model: DocumentModel, settings: Settings = cloneDefaults()): FeatureContext {
  const { doc } = entry;
  const input = () => ({ uri: doc.uri, languageId: doc.languageId, text: doc.getText(), tree: entry.tree });
  return {
    document: doc,
    model,
    settings,
    markdown: true,
    slotAt: (o) => entry.adapter?.slotAt?.(input(), o),
    importEdit: (v) => entry.adapter?.importEdit?.(input(), v),
  };
}
