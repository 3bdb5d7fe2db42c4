// Placeholder until this language's adapter lands: serves no sites.
import { emptyModel } from '../../model';
import type { LanguageAdapter } from '../adapter';

export const goAdapter: LanguageAdapter = {
  id: 'go',
  languageIds: ['go'],
  grammarFor: () => 'go',
  extract: (input) => emptyModel(input.languageId),
};
