import { defineDomainRule } from '../../src/engine/types.ts';

/** Reported by the runner for explicitly named files; files found by a directory walk are skipped silently. */
export default defineDomainRule({
  meta: {
    id: 'not-a-domain',
    name: 'NotADomain',
    severity: 'warning',
    type: 'problem',
    fixable: false,
    hasSuggestions: false,
    summary: 'A file named on the command line whose root element is not <domain>.',
    tags: ['xml'],
    messages: {
      notADomain: { message: 'root element is <{{root}}>, not <domain>: not a libvirt domain definition', help: 'lint only domain XML, or leave this file out of the paths' },
    },
  },
  // Nothing to check here: the runner reports a named file whose root is not <domain> (src/engine/core.ts), and such a file reaches no domain rule.
  check() {},
});
