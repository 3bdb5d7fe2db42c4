// Placeholder until this language's adapter lands: serves no sites.
import { emptyModel } from '../../model';
import type { LanguageAdapter } from '../adapter';

export const pythonAdapter: LanguageAdapter = {
  id: 'python',
  languageIds: ['python'],
  grammarFor: () => 'python',
  extract: (input) => emptyModel(input.languageId),
};
