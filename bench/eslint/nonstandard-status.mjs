// The ESLint rule a team would otherwise write: the benchmark runs it over the same files as
// our CLI. It reports what our nonstandard-code rule reports in Express-style code: a numeric
// status in res.status(), res.sendStatus(), res.writeHead() or `res.statusCode =` that no
// registry defines, that only some products use, or that is outside 100-599.
import { readFileSync } from 'node:fs';

const data = JSON.parse(readFileSync(new URL('../../data/status-codes.json', import.meta.url), 'utf8'));
/** Codes the registries define (standard or deprecated); unofficial ones are reported. */
const known = new Set(data.codes.filter((c) => c.status !== 'unofficial').map((c) => c.code));

const STATUS_CALLS = new Set(['status', 'sendStatus', 'writeHead']);

function isNonstandard(value) {
  return typeof value === 'number' && (value < 100 || value > 599 || !known.has(value));
}

/** @type {import('eslint').Rule.RuleModule} */
const rule = {
  meta: {
    type: 'problem',
    docs: { description: 'disallow HTTP status codes that no registry defines' },
    messages: { nonstandard: '{{code}} is not a standard HTTP status code.' },
    schema: [],
  },
  create(context) {
    const report = (node) => context.report({ node, messageId: 'nonstandard', data: { code: String(node.value) } });
    return {
      CallExpression(node) {
        const callee = node.callee;
        if (callee.type !== 'MemberExpression' || callee.computed || callee.property.type !== 'Identifier') return;
        if (!STATUS_CALLS.has(callee.property.name)) return;
        const arg = node.arguments[0];
        if (arg?.type === 'Literal' && isNonstandard(arg.value)) report(arg);
      },
      AssignmentExpression(node) {
        const left = node.left;
        if (left.type !== 'MemberExpression' || left.computed || left.property.type !== 'Identifier' || left.property.name !== 'statusCode') return;
        if (node.right.type === 'Literal' && isNonstandard(node.right.value)) report(node.right);
      },
    };
  },
};

export default { meta: { name: 'http-status-bench' }, rules: { 'nonstandard-code': rule } };
