// Placeholder until this language's adapter lands: serves no sites.
import { emptyModel } from '../../model';
import type { LanguageAdapter } from '../adapter';

export const javaAdapter: LanguageAdapter = {
  id: 'java',
  languageIds: ['java'],
  grammarFor: () => 'java',
  extract: (input) => emptyModel(input.languageId),
};
