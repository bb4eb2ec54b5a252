import { defineDomainRule } from '../../src/engine/types.ts';
import { replaceAttributeValue } from '../../src/engine/edit.ts';
import { excerpt } from '../../src/model/describe.ts';

export default defineDomainRule({
  meta: {
    id: 'cpuset-syntax',
    name: 'CpusetSyntax',
    severity: 'error',
    severities: ['error', 'info'],
    type: 'problem',
    fixable: true,
    hasSuggestions: true,
    summary: 'A cpuset or nodeset that libvirt would reject, a `^N` exclusion that does nothing, or a valid value written out of order.',
    tags: ['cpuset', 'numa'],
    messages: {
      invalid: {
        message: "{{element}} {{attr}}='{{value}}': {{error}}",
        help: 'libvirt rejects this at define time; write ascending N-M ranges, each ^N after the range it cuts',
      },
      idleExclusion: {
        message: "{{element}} {{attr}}='{{value}}': '^{{id}}' removes nothing, {{id}} is added by a later item",
        help: "libvirt applies items left to right: put '^{{id}}' after the range it should cut",
      },
      untidy: {
        message: "{{element}} {{attr}}='{{value}}' is valid but {{reason}}",
        help: "write '{{canonical}}', libvirt's reading and the form virsh dumpxml writes back",
      },
      excludeIntended: { message: "exclude {{ids}}, as was probably meant: {{attr}}='{{text}}'" },
      keepReading: { message: "keep libvirt's reading and drop the idle exclusion: {{attr}}='{{text}}'" },
    },
  },
  check({ domain, report }) {
    // The domain model parses every cpuset once (virbitmap grammar) and keeps what failed.
    for (const p of domain.problems) {
      if (p.ruleId !== 'cpuset-syntax' || !p.cpuset) continue;
      const c = p.cpuset;
      const where = { element: c.element, attr: c.attr, value: c.value };
      const r = p.rewrite;
      // Only a rewrite that keeps libvirt's set exactly is safe; see the README's Fix section.
      const fix = r?.fix !== undefined ? replaceAttributeValue(r.attr, r.fix) : undefined;
      if (c.kind === 'invalid') {
        report({ range: p.range, severity: p.severity, messageId: 'invalid', data: { ...where, error: c.error } });
      } else if (c.kind === 'untidy') {
        report({ range: p.range, severity: p.severity, messageId: 'untidy', data: { ...where, reason: c.reason, canonical: c.canonical }, fix });
      } else {
        const suggestions = (r?.suggestions ?? []).map((s) =>
          s.kind === 'intended'
            ? { messageId: 'excludeIntended' as const, data: { ids: c.ids, attr: c.attr, text: excerpt(s.text) }, fix: replaceAttributeValue(r!.attr, s.text) }
            : { messageId: 'keepReading' as const, data: { attr: c.attr, text: excerpt(s.text) }, fix: replaceAttributeValue(r!.attr, s.text) },
        );
        report({ range: p.range, severity: p.severity, messageId: 'idleExclusion', data: { ...where, id: c.id }, fix, suggestions });
      }
    }
  },
});
