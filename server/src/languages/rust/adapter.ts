// Placeholder until this language's adapter lands: serves no sites.
import { emptyModel } from '../../model';
import type { LanguageAdapter } from '../adapter';

export const rustAdapter: LanguageAdapter = {
  id: 'rust',
  languageIds: ['rust'],
  grammarFor: () => 'rust',
  extract: (input) => emptyModel(input.languageId),
};
