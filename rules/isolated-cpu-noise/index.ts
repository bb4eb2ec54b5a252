import { definePlanRule } from '../../src/engine/types.ts';
import { locateJsonKey } from '../../src/json/document.ts';
import { isPerCpuInterrupt, isQuietManagedQueue } from '../../src/model/irqs.ts';
import { snapshotCpus } from '../../src/model/running.ts';

/** How many foreign tasks or IRQs the isolated CPUs may have before they count as noisy (the guide: none). */
const DEFAULT_MAX_FOREIGN = 0;

function named(names: readonly string[]): string {
  const shown = names.slice(0, 3).join(', ');
  return names.length > 3 ? `${shown} and ${names.length - 3} more` : shown;
}

export default definePlanRule({
  meta: {
    id: 'isolated-cpu-noise',
    name: 'IsolatedCpuNoise',
    severity: 'warning',
    type: 'problem',
    fixable: false,
    hasSuggestions: false,
    summary: 'Isolated CPUs are not quiet at capture time: tasks other than guest threads, or IRQs, may run on them.',
    tags: ['drift', 'isolation', 'irq', 'running'],
    schema: {
      type: 'object',
      additionalProperties: false,
      properties: { maxForeign: { type: 'integer', minimum: 0, description: 'foreign tasks (and IRQs) tolerated on the isolated CPUs (default 0)' } },
    },
    messages: {
      tasks: {
        message: '{{count}} other than guest threads may run on isolated CPUs {{isolated}}: {{names}}',
        help: 'move them to housekeeping CPUs (taskset -pc, or CPUAffinity= in their unit), then capture again',
      },
      irqs: {
        message: '{{count}} delivered to isolated CPUs {{isolated}}: {{names}}',
        help: "set their smp_affinity_list to housekeeping CPUs, or boot with irqaffinity= and isolcpus=managed_irq",
      },
    },
  },
  check({ host, options, reportHost }) {
    const running = host.model.snapshot.running;
    if (!running?.isolatedCpus) return;
    const isolatedCpus = snapshotCpus(running.isolatedCpus);
    const isolated = isolatedCpus.toString();
    const max = Number(options.maxForeign ?? DEFAULT_MAX_FOREIGN);

    const tasks = running.foreignTasks ?? [];
    if (tasks.length > max) {
      reportHost({
        range: locateJsonKey(host.text, 'running.foreignTasks'),
        messageId: 'tasks',
        data: { count: `${tasks.length} task${tasks.length === 1 ? '' : 's'}`, isolated, names: named([...new Set(tasks.map((t) => `${t.name} (${t.pid})`))]) },
      });
    }
    // NVMe's per-CPU I/O queues on isolated CPUs fire only for I/O submitted there, and arm64's per-CPU
    // interrupts (timer, PMU, IPIs, KVM's vtimer and vgic) belong to each CPU and cannot be moved (src/model/irqs.ts).
    const irqs = (running.irqs ?? []).filter((q) => !isQuietManagedQueue(q.name, snapshotCpus(q.affinity), isolatedCpus) && !isPerCpuInterrupt(q.name));
    if (irqs.length > max) {
      reportHost({
        range: locateJsonKey(host.text, 'running.irqs'),
        messageId: 'irqs',
        data: { count: `${irqs.length} IRQ${irqs.length === 1 ? '' : 's'}`, isolated, names: named(irqs.map((q) => (q.name ? `${q.irq} (${q.name})` : String(q.irq)))) },
      });
    }
  },
});
