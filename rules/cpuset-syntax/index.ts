import { defineRule } from '../../src/engine/types.ts';

export default defineRule({
  meta: {
    id: 'cpuset-syntax',
    name: 'CpusetSyntax',
    severity: 'error',
    type: 'problem',
    needs: 'domain',
    fixable: false,
    hasSuggestions: false,
    summary: 'A cpuset or nodeset that libvirt would reject, or a `^N` exclusion that does nothing.',
    tags: ['cpuset', 'numa'],
  },
  checkDomain(ctx) {
    // The domain model parses every cpuset once (virbitmap grammar) and keeps what failed.
    for (const p of ctx.domain.problems) {
      if (p.ruleId === 'cpuset-syntax') ctx.report({ range: p.range, message: p.message, severity: p.severity });
    }
  },
});
