// The few LSP enum values the shared analysis writes into its results. Importing them from
// 'vscode-languageserver' would pull that package, vscode-languageserver-protocol and
// vscode-jsonrpc (~310 KB) into the CLI bundles, which never speak LSP, and every CLI thread would
// load them at start. The types still come from the real package; test/unit/lsp-constants.test.ts
// checks every value against it.
import type { CodeActionKind as Kind, DiagnosticSeverity as Severity, DiagnosticTag as Tag } from 'vscode-languageserver';

export const DiagnosticSeverity = { Error: 1, Warning: 2, Information: 3, Hint: 4 } as const satisfies Record<string, Severity>;

export const DiagnosticTag = { Unnecessary: 1, Deprecated: 2 } as const satisfies Record<string, Tag>;

export const CodeActionKind = { QuickFix: 'quickfix', SourceFixAll: 'source.fixAll' } as const satisfies Record<string, Kind>;
