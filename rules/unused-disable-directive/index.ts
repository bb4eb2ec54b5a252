import { defineDomainRule } from '../../src/engine/types.ts';

/** Reported by the runner with --report-unused-disable-directives (or the config's reportUnusedDisableDirectives). */
export default defineDomainRule({
  meta: {
    id: 'unused-disable-directive',
    name: 'UnusedDisableDirective',
    severity: 'warning',
    type: 'suggestion',
    fixable: false,
    hasSuggestions: false,
    summary: 'A kvmlint-disable comment or <metadata> suppression that suppresses no finding (stale, misspelt, or naming the wrong rule).',
    tags: ['directives'],
    messages: {
      unused: { message: 'unused kvmlint-{{kind}} directive ({{what}}{{target}})', help: 'remove the directive, or name the rule whose finding it means to silence' },
      unknownRule: { message: 'kvmlint-{{kind}} names {{rules}}, which is not a kvmlint rule', help: 'check the spelling against `kvmlint rules`' },
      unknownDirective: {
        message: "'kvmlint-{{word}}' is not a kvmlint directive: it silences nothing",
        help: 'use kvmlint-disable-next-line, kvmlint-disable-line, kvmlint-disable and kvmlint-enable, or kvmlint-disable-file',
      },
      ruleAfterColon: {
        message: "kvmlint-{{kind}}: {{rule}} names the rule after the colon, where the reason goes: it silences nothing",
        help: 'write kvmlint-{{kind}} {{rule}}: <reason> (a directive with no rule before the colon silences every rule)',
      },
      unusedMetadata: {
        message: 'unused kvmlint suppression in <metadata> ({{what}}{{target}})',
        help: 'remove the <kvmlint:disable> entry, or correct its rules or element path',
      },
      unknownRuleMetadata: { message: '<kvmlint:disable> names {{rules}}, which is not a kvmlint rule', help: 'check the spelling against `kvmlint rules`' },
    },
  },
  // Nothing to check per domain: the runner reports this rule's findings itself.
  check() {},
});
