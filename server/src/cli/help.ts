// `--help`: every command and option with what it takes, and the exit codes CI relies on.
import { TOOL_NAME } from './tool';

export function helpText(): string {
  return `Usage: ${TOOL_NAME} check [options] [paths...]
       ${TOOL_NAME} explain <code | constant | rule-id>
       ${TOOL_NAME} rules

Checks HTTP status code usage with the same rules as the editor extension.
Paths default to the current folder. Inside folders, files that .gitignore excludes,
node_modules, vendor, dist, build and .git are skipped, as are binary files and files
larger than the maxFileSize setting (2 MB by default).

Options:
  -f, --format <text|json|sarif>  output format (default: text)
  -o, --output <file>             write the report to a file instead of stdout
      --fix                       apply the preferred fix of each problem, where the rule marks it safe
      --fix-dry-run               print those fixes as a unified diff; change nothing
      --rule <id=severity>        set a rule's severity: off, hint, info, warning or error (repeatable)
      --max-severity <level>      fail when a problem at or above this level remains:
                                  error, warning, info or hint (default: warning)
      --config <file>             settings file (default: .http-status-hints.json, or the
                                  "httpStatusHints" key of package.json, at the repository root)
  -j, --jobs <n>                  threads to check with (default: all cores for large trees, else 1)
      --color, --no-color         force colours on or off (NO_COLOR and FORCE_COLOR are honoured)
      --progress, --no-progress   force the progress line on or off (default: on a terminal, not in CI)
      --explain <code>            print the reference text for a status code, e.g. --explain 409
  -h, --help                      show this help
  -v, --version                   show the version

Exit codes:
  0  no problem at or above --max-severity
  1  problems at or above --max-severity were found
  2  usage or configuration error, or a file could not be checked
`;
}
