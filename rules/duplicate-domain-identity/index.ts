import { definePlanRule, type LintedDomain } from '../../src/engine/types.ts';
import type { XmlElement } from '../../src/xml/types.ts';
import { exactName, uuidKey } from '../../src/model/domain-identity.ts';

function child(on: LintedDomain, name: string): XmlElement | undefined {
  return on.source.doc.root?.children.find((c) => c.name === name);
}

function groupBy(domains: readonly LintedDomain[], key: (on: LintedDomain) => string | undefined): LintedDomain[][] {
  const groups = new Map<string, LintedDomain[]>();
  for (const on of domains) {
    const k = key(on);
    if (!k) continue;
    const list = groups.get(k);
    if (list) list.push(on);
    else groups.set(k, [on]);
  }
  return [...groups.values()].filter((g) => g.length > 1);
}

export default definePlanRule({
  meta: {
    id: 'duplicate-domain-identity',
    name: 'DuplicateDomainIdentity',
    severity: 'error',
    type: 'problem',
    fixable: false,
    hasSuggestions: false,
    summary: 'Two domains planned on one host have the same <name> or the same <uuid>, which libvirt takes for one domain.',
    tags: ['plan'],
    messages: {
      sameName: {
        message: "{{count}} domains on this host are named '{{name}}': libvirt refuses to define the second",
        help: 'give each domain its own <name> (and its own <uuid>)',
      },
      copied: {
        message: "{{count}} domains on this host are named '{{name}}' with one <uuid>: the later define replaces the earlier",
        help: 'give the copy its own <name> and a new <uuid> (uuidgen), or delete it',
      },
      sameUuid: {
        message: '{{count}} domains on this host share <uuid> {{uuid}}: libvirt refuses to define the second',
        help: 'give each domain its own <uuid> (uuidgen), or leave it out for libvirt to generate one',
      },
    },
  },
  check({ files: domains, domains: held, report }) {
    const kept = new Set(held);
    // Every file of a group the host would not hold gets the finding, not only the last: with three copies a
    // pull request could silence the one finding in a copy of its own while the guest it replaced stays silent.
    const lost = (group: LintedDomain[]) => {
      const out = group.filter((o) => !kept.has(o));
      return out.length > 0 ? out : [group.at(-1)!];
    };
    const sameIdentity = new Set<LintedDomain>();
    for (const group of groupBy(domains, (on) => exactName(on.domain))) {
      const last = lost(group).at(-1)!;
      const uuid = uuidKey(last.domain.uuid);
      const copied = uuid !== undefined && group.every((o) => uuidKey(o.domain.uuid) === uuid);
      if (copied) for (const o of group) sameIdentity.add(o);
      for (const on of lost(group)) {
        report(on, {
          range: child(on, 'name')!.startTag,
          messageId: copied ? 'copied' : 'sameName',
          data: { count: group.length, name: on.domain.name!.trim() },
          related: group.filter((o) => o !== on).map((o) => ({ file: o.source, range: child(o, 'name')!.startTag, message: `${o.source.path} defines '${o.domain.name!.trim()}' too` })),
        });
      }
    }
    for (const group of groupBy(domains, (on) => uuidKey(on.domain.uuid))) {
      if (group.every((o) => sameIdentity.has(o))) continue;
      for (const on of lost(group)) {
        report(on, {
          range: child(on, 'uuid')!.startTag,
          messageId: 'sameUuid',
          data: { count: group.length, uuid: on.domain.uuid!.trim() },
          related: group.filter((o) => o !== on).map((o) => ({ file: o.source, range: child(o, 'uuid')!.startTag, message: `${o.domain.name ?? 'a domain'} (${o.source.path}) has this <uuid> too` })),
        });
      }
    }
  },
});
