import { definePlanRule } from '../../src/engine/types.ts';
import { locateJsonKey } from '../../src/json/document.ts';
import { guestMatches, hasRunningGuests, runningGuestOf } from '../../src/model/running.ts';

export default definePlanRule({
  meta: {
    id: 'running-guest-unmatched',
    name: 'RunningGuestUnmatched',
    severity: 'info',
    type: 'suggestion',
    fixable: false,
    hasSuggestions: false,
    summary: 'A guest runs on the host that no domain file mapped to it describes, or a domain mapped to the host is not running there.',
    tags: ['drift', 'running'],
    messages: {
      notRunning: {
        message: 'domain {{domain}} is mapped to {{host}} but was not running there at capture time',
        help: 'start it there, or map it to the host it runs on (hosts in kvmlint.config.json); capture again after guests start',
      },
      noneRunning: {
        message: 'no guest was running at capture time: {{count}} mapped to this host {{are}} not checked against running guests',
      },
      unknown: {
        message: '{{count}} with no domain file mapped to this host: {{names}}',
        help: 'add their files to the mapping of this host, or find out who started them',
      },
    },
  },
  check({ host, domains, report, reportHost }) {
    const model = host.model;
    if (!hasRunningGuests(model)) return;
    // Nothing running at all is a capture before deployment (or a host without libvirt), not N drifts:
    // one note, so the run does not pass silently either.
    if ((model.snapshot.running?.guests ?? []).length === 0) {
      if (domains.length > 0) {
        reportHost({
          range: locateJsonKey(host.text, 'running.guests'),
          unchecked: true,
          messageId: 'noneRunning',
          data: { count: domains.length === 1 ? 'the domain' : `the ${domains.length} domains`, are: domains.length === 1 ? 'is' : 'are' },
        });
      }
      return;
    }
    for (const on of domains) {
      if (runningGuestOf(model, on.domain)) continue;
      const nameEl = on.domain.element.children.find((c) => c.name === 'name');
      report(on, { range: (nameEl ?? on.domain.element).startTag, messageId: 'notRunning', data: { domain: on.domain.name ?? '(unnamed)', host: model.name } });
    }
    const unknown = (model.snapshot.running?.guests ?? []).filter((g) => !domains.some((on) => guestMatches(g, on.domain)));
    if (unknown.length === 0) return;
    const names = unknown.map((g) => g.name);
    reportHost({
      range: locateJsonKey(host.text, 'running.guests'),
      messageId: 'unknown',
      data: { count: `${names.length} running guest${names.length === 1 ? '' : 's'}`, names: `${names.slice(0, 5).join(', ')}${names.length > 5 ? ', …' : ''}` },
    });
  },
});
