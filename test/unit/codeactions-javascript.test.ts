// Quick fixes, applied: each fixture under test/fixtures/rules/javascript/fixes names on its
// first line the finding and the fix to apply; the result must equal <name>.fixed.<ext>, parse
// without syntax errors, and no longer carry that finding.
import { fixTests } from './rules-harness';

fixTests('rules', 'javascript', 'fixes');
