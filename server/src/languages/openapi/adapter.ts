// Placeholder until the OpenAPI adapter lands: serves no sites.
import { emptyModel } from '../../model';
import type { LanguageAdapter } from '../adapter';

export const openapiAdapter: LanguageAdapter = {
  id: 'openapi',
  languageIds: ['yaml', 'json', 'jsonc'],
  accepts: () => false,
  extract: (input) => emptyModel(input.languageId),
};
