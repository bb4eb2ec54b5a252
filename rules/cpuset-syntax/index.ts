import { defineRule } from '../../src/engine/types.ts';
import { replaceAttributeValue } from '../../src/engine/edit.ts';

export default defineRule({
  meta: {
    id: 'cpuset-syntax',
    name: 'CpusetSyntax',
    severity: 'error',
    severities: ['error', 'info'],
    type: 'problem',
    needs: 'domain',
    fixable: true,
    hasSuggestions: true,
    summary: 'A cpuset or nodeset that libvirt would reject, a `^N` exclusion that does nothing, or a valid value written out of order.',
    tags: ['cpuset', 'numa'],
  },
  checkDomain(ctx) {
    // The domain model parses every cpuset once (virbitmap grammar) and keeps what failed.
    for (const p of ctx.domain.problems) {
      if (p.ruleId !== 'cpuset-syntax') continue;
      const r = p.rewrite;
      ctx.report({
        range: p.range,
        message: p.message,
        severity: p.severity,
        // Only a rewrite that keeps libvirt's set exactly is safe; see the README's Fix section.
        fix: r?.fix !== undefined ? replaceAttributeValue(r.attr, r.fix) : undefined,
        suggestions: r?.suggestions?.map((s) => ({ message: s.message, fix: replaceAttributeValue(r.attr, s.text) })),
      });
    }
  },
});
