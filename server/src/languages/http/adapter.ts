// Placeholder until the .http adapter lands: serves no sites.
import { emptyModel } from '../../model';
import type { LanguageAdapter } from '../adapter';

export const httpAdapter: LanguageAdapter = {
  id: 'http',
  languageIds: ['http'],
  extract: (input) => emptyModel(input.languageId),
};
