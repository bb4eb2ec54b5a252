import { defineRule } from '../../src/engine/types.ts';
import { REDUCED_ELEMENTS, reduceDefinition } from '../../src/model/definition-reduce.ts';
import { hostDefinitionOf } from '../../src/model/running.ts';
import { childrenNamed } from '../../src/xml/query.ts';

export default defineRule({
  meta: {
    id: 'host-definition-drift',
    name: 'HostDefinitionDrift',
    severity: 'warning',
    type: 'problem',
    needs: 'host',
    fixable: false,
    hasSuggestions: false,
    summary: "The host's persistent definition of this domain (/etc/libvirt/qemu) differs from this file in <memory>, <vcpu>, <cputune>, <numatune>, <memoryBacking> or <cpu>.",
    tags: ['drift', 'definition'],
  },
  checkDomain(ctx) {
    const host = ctx.host?.model;
    if (!host) return;
    const def = hostDefinitionOf(host, ctx.domain);
    if (!def) return;
    const mine = reduceDefinition(ctx.domain.element);
    if (mine.digest === def.digest) return;
    for (const name of REDUCED_ELEMENTS) {
      if (mine.elements[name] === def.elements[name]) continue;
      const el = childrenNamed(ctx.domain.element, name)[0];
      const how = el === undefined ? 'has' : def.elements[name] === undefined ? 'lacks' : 'has a different';
      ctx.report({
        range: (el ?? ctx.domain.element).startTag,
        message: `the host's /etc/libvirt/qemu/${def.file} ${how} <${name}>${el === undefined ? ' this file lacks' : ''}: edited on the host?`,
      });
    }
  },
});
