// Placeholder until this language's adapter lands: serves no sites.
import { emptyModel } from '../../model';
import type { LanguageAdapter } from '../adapter';

export const rubyAdapter: LanguageAdapter = {
  id: 'ruby',
  languageIds: ['ruby'],
  grammarFor: () => 'ruby',
  extract: (input) => emptyModel(input.languageId),
};
