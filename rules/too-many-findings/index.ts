import { defineDomainRule } from '../../src/engine/types.ts';

/**
 * Reported by the engine itself (src/engine/core.ts, capFindingsPerFile) when one file has more findings than it
 * reports: the rule exists for its metadata and docs. It is always on and always an error.
 */
export default defineDomainRule({
  meta: {
    id: 'too-many-findings',
    name: 'TooManyFindings',
    severity: 'error',
    type: 'problem',
    fixable: false,
    hasSuggestions: false,
    summary: 'A file with more findings than kvmlint reports for one file (1,000); says how many more there are.',
    tags: ['limits'],
    messages: {
      truncated: {
        message: '{{omitted}} more findings in this file not reported, from here on ({{errors}} errors): kvmlint reports {{max}} per file',
        help: 'fix the findings reported above and run kvmlint again; the rest are reported then',
      },
    },
  },
  // Nothing to check per domain: the engine reports this rule's finding itself, after every rule ran.
  check() {},
});
