import type { DocumentSelector } from 'vscode-languageclient/node';

/** The documents the server sees: every language an adapter serves, on disk and unsaved. */
export const languageIds = [
  'javascript', 'typescript', 'javascriptreact', 'typescriptreact',
  'python', 'go', 'java', 'csharp', 'ruby', 'php', 'rust',
  'yaml', 'json', 'jsonc', 'http',
];

export const documentSelector: DocumentSelector = languageIds.flatMap((language) => [
  { scheme: 'file', language },
  { scheme: 'untitled', language },
  { scheme: 'vscode-remote', language },
]);
