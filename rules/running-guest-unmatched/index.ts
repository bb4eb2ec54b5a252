import { defineRule } from '../../src/engine/types.ts';
import { locateJsonKey } from '../../src/json/document.ts';
import { guestMatches, hasRunningGuests, runningGuestOf } from '../../src/model/running.ts';

export default defineRule({
  meta: {
    id: 'running-guest-unmatched',
    name: 'RunningGuestUnmatched',
    severity: 'info',
    type: 'suggestion',
    needs: 'plan',
    fixable: false,
    hasSuggestions: false,
    summary: 'A guest runs on the host that no domain file mapped to it describes, or a domain mapped to the host is not running there.',
    tags: ['drift', 'running'],
  },
  checkPlan(ctx) {
    const host = ctx.host.model;
    if (!hasRunningGuests(host)) return;
    for (const on of ctx.domains) {
      if (runningGuestOf(host, on.domain)) continue;
      const nameEl = on.domain.element.children.find((c) => c.name === 'name');
      ctx.report(on, {
        range: (nameEl ?? on.domain.element).startTag,
        message: `domain ${on.domain.name ?? '(unnamed)'} is mapped to ${host.name} but not running there at capture time`,
      });
    }
    const unknown = (host.snapshot.running?.guests ?? []).filter((g) => !ctx.domains.some((on) => guestMatches(g, on.domain)));
    if (unknown.length === 0) return;
    const names = unknown.map((g) => g.name);
    ctx.reportHost({
      range: locateJsonKey(ctx.host.text, 'running.guests'),
      message: `${names.length} running guest${names.length === 1 ? '' : 's'} with no domain file mapped to this host: ${names.slice(0, 5).join(', ')}${names.length > 5 ? ', …' : ''}`,
    });
  },
});
