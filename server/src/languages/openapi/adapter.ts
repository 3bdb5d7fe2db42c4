// OpenAPI 3.x and Swagger 2.0 documents, in YAML (the `yaml` package, source ranges kept) and
// JSON / JSON with comments (jsonc-parser). Response keys under operations are declaration
// sites; operations are handlers; declared bodies and headers are response facts.
import { emptyModel, type DocumentModel } from '../../model';
import type { AdapterInput, LanguageAdapter } from '../adapter';
import { looksLikeSpec } from './detect';
import { readJson } from './jsonTree';
import { fillModel } from './model';
import { outlineOf } from './outline';
import { jsonSlot, yamlSlot } from './slots';
import { readYaml } from './yamlTree';

function isJson(input: AdapterInput): boolean {
  return input.languageId === 'json' || input.languageId === 'jsonc';
}

function extract(input: AdapterInput): DocumentModel {
  const model = emptyModel(input.languageId);
  const json = isJson(input);
  const read = json ? readJson(input.text) : readYaml(input.text, input.uri);
  const outline = outlineOf(read.roots);
  // A YAML or JSON file that only looked like a spec: nothing of ours in it.
  if (!outline.flavor) return model;
  model.comments = read.comments;
  fillModel(model, input.text, json, outline);
  return model;
}

export const openapiAdapter: LanguageAdapter = {
  id: 'openapi',
  languageIds: ['yaml', 'json', 'jsonc'],
  accepts: (text) => looksLikeSpec(text),
  extract,
  slotAt(input, offset) {
    if (offset < 0 || offset > input.text.length) return undefined;
    return isJson(input) ? jsonSlot(input.text, offset) : yamlSlot(input.text, offset);
  },
};
