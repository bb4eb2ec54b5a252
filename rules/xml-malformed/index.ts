import { defineDomainRule } from '../../src/engine/types.ts';

/** Reported by the runner itself when the parser stops; the rule exists for its metadata and docs. */
export default defineDomainRule({
  meta: {
    id: 'xml-malformed',
    name: 'XmlMalformed',
    severity: 'error',
    type: 'problem',
    fixable: false,
    hasSuggestions: false,
    summary: 'The file is not well-formed XML; reported at the first fatal parse error.',
    tags: ['xml'],
    messages: {
      malformed: { message: '{{error}}', help: 'libvirt rejects a file that is not well-formed XML at define time' },
    },
  },
  // Nothing to check per domain: the runner reports this rule's findings itself.
  check() {},
});
