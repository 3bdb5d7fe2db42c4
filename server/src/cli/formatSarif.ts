// SARIF 2.1.0 in the subset GitHub code scanning reads: the rule table with help links and
// default levels, one result per problem located relative to the repository root
// (%SRCROOT%), a fingerprint that follows the code when lines move, and the rule's fixes.
import { pathToFileURL } from 'node:url';
import type { Range } from 'vscode-languageserver';
import type { Level, RuleSetting } from './args';
import type { RuleEntry } from './catalog';
import type { FileOutcome } from './checkFile';
import type { Report } from './report';
import { TOOL_NAME, TOOL_VERSION } from './tool';

const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
const ROOT_ID = '%SRCROOT%';
export const FINGERPRINT_KEY = 'httpStatusHints/v1';

type SarifLevel = 'error' | 'warning' | 'note' | 'none';

function sarifLevel(level: Level | RuleSetting): SarifLevel {
  return level === 'error' ? 'error' : level === 'warning' ? 'warning' : level === 'off' ? 'none' : 'note';
}

/** SARIF regions count from 1 and end one column past the last character, as LSP's end does from 0. */
function region(range: Range) {
  return { startLine: range.start.line + 1, startColumn: range.start.character + 1, endLine: range.end.line + 1, endColumn: range.end.character + 1 };
}

/** A root-relative URI where the file is under the root; otherwise an absolute file URI. */
function artifactLocation(o: FileOutcome) {
  if (o.rel && !o.rel.startsWith('../')) return { uri: o.rel.split('/').map(encodeURIComponent).join('/'), uriBaseId: ROOT_ID };
  return { uri: pathToFileURL(o.path).href };
}

export function formatSarif(report: Report, catalog: readonly RuleEntry[]): string {
  const ruleIndex = new Map(catalog.map((r, i) => [r.id, i]));
  const results = report.outcomes.flatMap((o) =>
    o.findings.map((f) => {
      const location = artifactLocation(o);
      return {
        ruleId: f.ruleId,
        ...(ruleIndex.has(f.ruleId) ? { ruleIndex: ruleIndex.get(f.ruleId) } : {}),
        level: sarifLevel(f.level),
        message: { text: f.message },
        locations: [{ physicalLocation: { artifactLocation: location, region: region(f.range) } }],
        partialFingerprints: { [FINGERPRINT_KEY]: f.fingerprint },
        ...(f.fixes.length
          ? {
              fixes: [...f.fixes]
                .sort((a, b) => Number(b.preferred) - Number(a.preferred))
                .map((x) => ({
                  description: { text: x.title },
                  artifactChanges: [
                    {
                      artifactLocation: location,
                      replacements: x.edits.map((e) => ({ deletedRegion: region(e.range), insertedContent: { text: e.newText } })),
                    },
                  ],
                })),
            }
          : {}),
      };
    }),
  );
  const failures = report.outcomes.filter((o) => o.status === 'failed');
  const log = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: TOOL_NAME,
            semanticVersion: TOOL_VERSION,
            version: TOOL_VERSION,
            rules: catalog.map((r) => ({
              id: r.id,
              name: pascal(r.id),
              shortDescription: { text: r.description },
              fullDescription: { text: r.description },
              helpUri: r.helpUri,
              help: { text: `${r.description} See ${r.helpUri}`, markdown: `${r.description} [Documentation](${r.helpUri})` },
              defaultConfiguration: r.defaultLevel === 'off' ? { enabled: false, level: 'none' } : { level: sarifLevel(r.defaultLevel) },
            })),
          },
        },
        originalUriBaseIds: { [ROOT_ID]: { uri: pathToFileURL(report.root.endsWith('/') ? report.root : `${report.root}/`).href } },
        columnKind: 'utf16CodeUnits',
        invocations: [
          {
            executionSuccessful: failures.length === 0,
            toolExecutionNotifications: failures.map((o) => ({
              level: 'error',
              message: { text: `${o.rel} could not be checked: ${o.error}` },
              locations: [{ physicalLocation: { artifactLocation: artifactLocation(o) } }],
            })),
          },
        ],
        results,
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
}

/** `error-body-with-success` -> `ErrorBodyWithSuccess`, SARIF's readable rule name. */
function pascal(id: string): string {
  return id.replace(/(^|-)([a-z0-9])/g, (_, _dash, c: string) => c.toUpperCase());
}
