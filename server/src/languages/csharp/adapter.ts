// Placeholder until this language's adapter lands: serves no sites.
import { emptyModel } from '../../model';
import type { LanguageAdapter } from '../adapter';

export const csharpAdapter: LanguageAdapter = {
  id: 'csharp',
  languageIds: ['csharp'],
  grammarFor: () => 'c-sharp',
  extract: (input) => emptyModel(input.languageId),
};
