import { defineRule } from '../../src/engine/types.ts';

/** Reported by the runner itself when the parser stops; the rule exists for its metadata and docs. */
export default defineRule({
  meta: {
    id: 'xml-malformed',
    name: 'XmlMalformed',
    severity: 'error',
    type: 'problem',
    needs: 'domain',
    fixable: false,
    hasSuggestions: false,
    summary: 'The file is not well-formed XML; reported at the first fatal parse error.',
    tags: ['xml'],
    messages: {
      malformed: { message: '{{error}}', help: 'libvirt rejects a file that is not well-formed XML at define time' },
    },
  },
});
