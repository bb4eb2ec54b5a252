import { defineHostRule } from '../../src/engine/types.ts';
import { REDUCED_ELEMENTS, reduceDefinition } from '../../src/model/definition-reduce.ts';
import { hostDefinitionOf } from '../../src/model/running.ts';
import { childrenNamed } from '../../src/xml/query.ts';

export default defineHostRule({
  meta: {
    id: 'host-definition-drift',
    name: 'HostDefinitionDrift',
    severity: 'warning',
    type: 'problem',
    fixable: false,
    hasSuggestions: false,
    summary: "The host's persistent definition of this domain (/etc/libvirt/qemu) differs from this file in an element kvmlint checks.",
    tags: ['drift', 'definition'],
    messages: {
      differs: {
        message: "the host's /etc/libvirt/qemu/{{file}} has a different <{{element}}>: edited on the host?",
        help: 'redefine the domain from this file (virsh define), or bring the host change into the repository',
      },
      hostLacks: {
        message: "the host's /etc/libvirt/qemu/{{file}} has no <{{element}}>: removed on the host?",
        help: 'redefine the domain from this file (virsh define), or bring the host change into the repository',
      },
      fileLacks: {
        message: "the host's /etc/libvirt/qemu/{{file}} has a <{{element}}> this file lacks: added on the host?",
        help: 'redefine the domain from this file (virsh define), or bring the host change into the repository',
      },
    },
  },
  check({ domain, host, report }) {
    const def = hostDefinitionOf(host.model, domain);
    if (!def) return;
    const mine = reduceDefinition(domain.element);
    if (mine.digest === def.digest) return;
    for (const element of REDUCED_ELEMENTS) {
      if (mine.elements[element] === def.elements[element]) continue;
      const el = childrenNamed(domain.element, element)[0];
      const messageId = el === undefined ? 'fileLacks' : def.elements[element] === undefined ? 'hostLacks' : 'differs';
      report({ range: (el ?? domain.element).startTag, messageId, data: { file: def.file, element } });
    }
  },
});
