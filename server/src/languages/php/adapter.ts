// Placeholder until this language's adapter lands: serves no sites.
import { emptyModel } from '../../model';
import type { LanguageAdapter } from '../adapter';

export const phpAdapter: LanguageAdapter = {
  id: 'php',
  languageIds: ['php'],
  grammarFor: () => 'php',
  extract: (input) => emptyModel(input.languageId),
};
