import { defineRule } from '../../src/engine/types.ts';

/** Reported by the runner with --report-unused-disable-directives (or the config's reportUnusedDisableDirectives). */
export default defineRule({
  meta: {
    id: 'unused-disable-directive',
    name: 'UnusedDisableDirective',
    severity: 'warning',
    type: 'suggestion',
    needs: 'domain',
    fixable: false,
    hasSuggestions: false,
    summary: 'A kvmlint-disable comment that suppresses no finding (stale, or naming the wrong rule).',
    tags: ['directives'],
  },
});
