import { defineDomainRule } from '../../src/engine/types.ts';
import { libvirtAtLeast } from '../../src/model/libvirt-version.ts';

/** The text of each finding comes from the domain model (src/model/domain.ts), which meets the bad value while parsing. */
export default defineDomainRule({
  meta: {
    id: 'value-invalid',
    name: 'ValueInvalid',
    severity: 'error',
    severities: ['error', 'warning'],
    type: 'problem',
    fixable: false,
    hasSuggestions: false,
    summary: 'A number, size, unit, mode or placement that libvirt would reject, a second copy of an element libvirt takes once, or an element another namespace hides from libvirt.',
    tags: ['schema'],
    messages: {
      invalid: { message: '{{detail}}', help: "use a value libvirt's Domain XML format accepts here" },
      missing: { message: '{{detail}}', help: 'add {{add}}' },
      repeated: { message: '{{detail}}', help: 'keep one <{{name}}>, holding what both hold' },
      unreadable: {
        message: '{{detail}}',
        help: 'write it as libvirt reads it: one <{{name}}>, in no namespace, its value as plain text (inline directives cannot silence this)',
      },
    },
  },
  check({ domain, host, report }) {
    for (const p of domain.problems) {
      if (p.ruleId !== 'value-invalid') continue;
      // A check that came with its attribute: a libvirt known to be older ignores the attribute (unknown: the newer reading).
      if (p.since !== undefined && libvirtAtLeast(host?.model.libvirtVersion, p.since) === false) continue;
      if (p.duplicate) {
        const first = p.duplicate.first;
        const related = first ? [{ range: first, message: `the first <${p.duplicate.name}>` }] : [];
        for (const also of p.duplicate.also ?? []) related.push({ range: also.range, message: `<${also.name}>, in that namespace` });
        const messageId = p.duplicate.unreadable ? 'unreadable' : 'repeated';
        report({ range: p.range, messageId, data: { detail: p.message, name: p.duplicate.name }, severity: p.severity, related });
      } else if (p.missing !== undefined) report({ range: p.range, messageId: 'missing', data: { detail: p.message, add: p.missing }, severity: p.severity });
      else report({ range: p.range, messageId: 'invalid', data: { detail: p.message }, severity: p.severity });
    }
    // Memory devices are read on demand (src/model/domain.ts memoryDevices), so their problems are theirs.
    for (const m of domain.devices.memoryDevices()) {
      for (const p of m.invalid ?? []) {
        if (p.unreadable) report({ range: p.range, messageId: 'unreadable', data: { detail: p.message, name: 'memory' } });
        else report({ range: p.range, messageId: 'invalid', data: { detail: p.message } });
      }
    }
  },
});
