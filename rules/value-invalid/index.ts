import { defineRule } from '../../src/engine/types.ts';

export default defineRule({
  meta: {
    id: 'value-invalid',
    name: 'ValueInvalid',
    severity: 'error',
    type: 'problem',
    needs: 'domain',
    fixable: false,
    hasSuggestions: false,
    summary: 'A number, size, unit or mode that libvirt would reject (non-numeric vcpu, unknown unit, page size 0, implausible counts).',
    tags: ['schema'],
  },
  checkDomain(ctx) {
    for (const p of ctx.domain.problems) {
      if (p.ruleId === 'value-invalid') ctx.report({ range: p.range, message: p.message, severity: p.severity });
    }
  },
});
