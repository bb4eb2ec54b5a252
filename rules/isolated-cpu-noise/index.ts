import { defineRule } from '../../src/engine/types.ts';
import { locateJsonKey } from '../../src/json/document.ts';
import { snapshotCpus } from '../../src/model/running.ts';

/** How many foreign tasks or IRQs an isolated CPU may have before it counts as noisy (the guide: none). */
const DEFAULT_MAX_FOREIGN = 0;

function named(names: readonly string[]): string {
  const shown = names.slice(0, 3).join(', ');
  return names.length > 3 ? `${shown} and ${names.length - 3} more` : shown;
}

export default defineRule({
  meta: {
    id: 'isolated-cpu-noise',
    name: 'IsolatedCpuNoise',
    severity: 'warning',
    type: 'problem',
    needs: 'plan',
    fixable: false,
    hasSuggestions: false,
    summary: 'Isolated CPUs are not quiet at capture time: tasks other than guest threads, or IRQs, may run on them.',
    tags: ['drift', 'isolation', 'irq', 'running'],
  },
  checkPlan(ctx) {
    const running = ctx.host.model.snapshot.running;
    if (!running?.isolatedCpus) return;
    const isolated = snapshotCpus(running.isolatedCpus).toString();
    const max = Number(ctx.options.maxForeign ?? DEFAULT_MAX_FOREIGN);

    const tasks = running.foreignTasks ?? [];
    if (tasks.length > max) {
      const names = [...new Set(tasks.map((t) => `${t.name} (${t.pid})`))];
      ctx.reportHost({
        range: locateJsonKey(ctx.host.text, 'running.foreignTasks'),
        message: `${tasks.length} task${tasks.length === 1 ? '' : 's'} other than guest threads may run on isolated CPUs ${isolated}: ${named(names)}`,
      });
    }
    const irqs = running.irqs ?? [];
    if (irqs.length > max) {
      const names = irqs.map((q) => (q.name ? `${q.irq} (${q.name})` : String(q.irq)));
      ctx.reportHost({
        range: locateJsonKey(ctx.host.text, 'running.irqs'),
        message: `${irqs.length} IRQ${irqs.length === 1 ? '' : 's'} delivered to isolated CPUs ${isolated}: ${named(names)}`,
      });
    }
  },
});
