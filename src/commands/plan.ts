/**
 * `kvmlint plan`: computes a placement for every host plan (src/plan/) and prints
 * it as a unified patch on stdout (as `--fix-dry-run` does), a summary per host on
 * stderr; `--write` applies it through the fix writer. Exit 0 when every host has a
 * layout (or needed none), 1 when one has none, 2 on usage errors.
 */
import { InvalidArgumentError, type Command } from 'commander';
import type { CliIo } from '../cli.ts';
import { NO_RESPECT_GITIGNORE_HELP, RESPECT_GITIGNORE_HELP, respectGitignore } from '../engine/ci.ts';
import { encodingRefusal, writePatch } from './patch-output.ts';
import { gitQuotedPath, unifiedDiff } from '../engine/diff.ts';
import { workspaceRoot } from '../engine/repo.ts';
import { neutralise, neutraliseLine, patchForOutput } from '../formats/neutralise.ts';
import { displayPath } from '../engine/discover.ts';
import { toPosixPath } from '../engine/paths.ts';
import { lint, type LintOptions } from '../engine/runner.ts';
import type { Diagnostic, LintedDomain, LintHost } from '../engine/types.ts';
import { FixWriteError, writeFixedFile, yieldToSignals } from '../engine/write.ts';
import { describeNodes } from '../model/describe.ts';
import { planHost, type HostPlan } from '../plan/plan.ts';
import { isPlacementFinding } from '../plan/problem.ts';
import { buildHostMap, type HostMap } from '../map/model.ts';
import { formatMapHtml } from '../map/html.ts';
import { writeReportOrFail } from '../engine/report-file.ts';
import { repositoryRoot } from '../engine/repo.ts';
import { resolve } from 'node:path';
import { tuneV8ForRunLength } from '../run-length.ts';

interface PlanCommandOptions {
  host?: string;
  config?: string;
  configLookup: boolean;
  respectGitignore?: boolean;
  write?: boolean;
  maxSteps?: number;
  mapFile?: string;
}

export interface PlanRun {
  plans: HostPlan[];
  /** Absolute path → [original, planned] text, for every file the plan changes. */
  changed: Map<string, { shown: string; before: string; after: string }>;
  /** Placement findings a lint of the planned texts still reports (none when the planner is right). */
  remaining: Diagnostic[];
  /**
   * Placement errors a planned host keeps on files the plan did not change: a guest it does not
   * plan (not pinned, automatic placement) or the host itself. The layout is not a clean host.
   */
  unresolved: Diagnostic[];
  /** Each host's map before the plan and, for the hosts it changed, after. */
  maps: { before: HostMap[]; after: HostMap[] };
  /** Absolute path → encoding, for files not in UTF-8 (their patch is printed in it). */
  encodings: Map<string, string>;
}

/** Lints `options`' paths, plans every host, and lints the planned texts again. Writes nothing. */
export async function runPlan(options: LintOptions, planOptions: { maxSteps?: number } = {}): Promise<PlanRun> {
  const groups: Array<{ host: LintHost; domains: readonly LintedDomain[]; diagnostics: readonly Diagnostic[]; unparsed: readonly string[] }> = [];
  const first = await lint({ ...options, planSuggestions: false, onPlan: (p) => groups.push(p) });
  const plans: HostPlan[] = [];
  const changed = new Map<string, { shown: string; before: string; after: string }>();
  for (const g of groups) {
    const plan = planHost(g.host, g.domains, g.diagnostics, { ...planOptions, unparsed: g.unparsed });
    plans.push(plan);
    if (plan.status !== 'planned') continue;
    for (const c of plan.changes) {
      if (c.text === undefined) continue;
      const abs = first.absPaths.get(c.linted.source.path)!;
      changed.set(abs, { shown: c.linted.source.path, before: c.linted.source.text, after: c.text });
    }
  }
  let remaining: Diagnostic[] = [];
  let afterDiagnostics = first.diagnostics;
  const maps: PlanRun['maps'] = { before: groups.map((g) => buildHostMap(g)), after: [] };
  if (changed.size > 0) {
    const overrides = new Map([...(options.overrides ?? []), ...[...changed].map(([abs, c]) => [abs, c.after] as const)]);
    const afterPlans: HostMap[] = [];
    const after = await lint({ ...options, planSuggestions: false, overrides, onPlan: (p) => afterPlans.push(buildHostMap(p)) });
    afterDiagnostics = after.diagnostics;
    const planned = new Set(plans.filter((p) => p.status === 'planned').map((p) => p.host.path));
    maps.after = afterPlans.filter((m) => planned.has(m.path));
    const hostFiles = new Set(groups.map((g) => g.host.path));
    const before = new Set(first.diagnostics.filter((d) => hostFiles.has(d.file)).map((d) => `${d.file}\0${d.ruleId}\0${d.message}`));
    // A host finding that was there before and no guest of the plan can change stays the host's (e.g. a node already below its watermark).
    // Only the plans that changed are judged here; an infeasible host keeps its findings, and says why.
    const plannedFiles = new Set<string>();
    for (const p of plans) if (p.status === 'planned') for (const c of p.changes) plannedFiles.add(c.linted.source.path);
    for (const g of groups) if (g.domains.some((d) => plannedFiles.has(d.source.path))) plannedFiles.add(g.host.path);
    // A planned text that no longer parses is never written, whatever made it so (the rewrite is kvmlint's own code).
    remaining = after.diagnostics.filter(
      (d) => plannedFiles.has(d.file) && (d.ruleId === 'xml-malformed' || (isPlacementFinding(d) && !before.has(`${d.file}\0${d.ruleId}\0${d.message}`))),
    );
  }
  const plannedHosts = new Set(plans.filter((p) => p.status === 'planned').map((p) => p.host.path));
  const plannedHostFiles = new Set(groups.filter((g) => plannedHosts.has(g.host.path)).flatMap((g) => [g.host.path, ...g.domains.map((d) => d.source.path)]));
  const unresolved = afterDiagnostics.filter((d) => d.severity === 'error' && plannedHostFiles.has(d.file) && isPlacementFinding(d) && !remaining.includes(d));
  return { plans, changed, remaining, unresolved, maps, encodings: first.encodings };
}

/** "1 step", "2 search steps". */
function stepCount(n: number, kind = ''): string {
  return `${n} ${kind}step${n === 1 ? '' : 's'}`;
}

export function describeHostPlan(plan: HostPlan): string {
  // Host names, paths and guest labels come from the pull request: each is one line, controls neutralised.
  const name = neutraliseLine(`${plan.host.model.snapshot.hostname ?? plan.host.path} (${plan.host.path})`);
  switch (plan.status) {
    case 'unchanged':
      return `${name}: ${plan.guests} guest${plan.guests === 1 ? '' : 's'}, no placement finding: unchanged\n`;
    case 'refused':
      return `${name}: not planned: ${neutraliseLine(plan.reason)}\n`;
    case 'gave-up':
      return `${name}: the search gave up after ${stepCount(plan.steps)} (${plan.ms.toFixed(0)} ms): no layout found, none ruled out (raise --max-steps)\n`;
    case 'infeasible':
      return `${name}: no layout exists (${stepCount(plan.steps, 'search ')}, ${plan.ms.toFixed(0)} ms):\n${plan.shortages.map((s) => `  - ${neutraliseLine(s)}\n`).join('')}`;
    case 'planned': {
      const moved = plan.changes.filter((c) => c.text !== undefined);
      const lines = moved.map((c) => {
        const where = c.from.equals(c.to) ? `stays on ${describeNodes(c.to)}` : c.from.isEmpty ? `goes to ${describeNodes(c.to)}` : `moves from ${describeNodes(c.from)} to ${describeNodes(c.to)}`;
        return `  - ${neutraliseLine(c.label)}: ${where}\n`;
      });
      const kept = plan.kept.length > 0 ? `  kept as they are: ${neutraliseLine(plan.kept.join(', '))}\n` : '';
      const unplanned = plan.unplanned.length > 0 ? `  not planned: ${neutraliseLine(plan.unplanned.map((u) => `${u.label} (${u.why})`).join(', '))}\n` : '';
      return `${name}: layout found (${stepCount(plan.steps, 'search ')}, ${plan.ms.toFixed(0)} ms); ${moved.length} guest${moved.length === 1 ? '' : 's'} change${moved.length === 1 ? 's' : ''}\n${lines.join('')}${kept}${unplanned}`;
    }
  }
}

/** `--max-steps`: a positive count (`abc` was read as NaN, which no step count ever exceeds: no limit at all). */
function parseStepLimit(value: string): number {
  if (!/^[1-9]\d{0,14}$/.test(value)) throw new InvalidArgumentError(`expected a positive integer, got '${value}'`);
  return Number(value);
}

export function registerPlanCommand(program: Command, io: CliIo, setExit: (code: number) => void): void {
  program
    .command('plan')
    .description('compute a placement of every guest of each host (dedicated pins, nodes, hugepages, memory) and print it as a patch')
    .argument('[paths...]', 'files, directories (their **/*.xml) or globs (default: .)')
    .option('--host <file>', 'host snapshot that every domain is planned on (overrides the config\'s hosts)')
    .option('-c, --config <file>', 'configuration file (default: nearest kvmlint.config.json up to the repository root)')
    .option('--no-config-lookup', 'do not look for kvmlint.config.json')
    .option('--respect-gitignore', RESPECT_GITIGNORE_HELP)
    .option('--no-respect-gitignore', NO_RESPECT_GITIGNORE_HELP)
    .option('--write', 'apply the plan to the files (through the same safe writer as --fix)')
    .option('--map-file <file>', 'also write the HTML placement map of every host before the plan and after it')
    .option('--max-steps <n>', 'give up a host after this many search steps (default: 5000000)', parseStepLimit)
    .action(async (paths: string[], opts: PlanCommandOptions) => {
      tuneV8ForRunLength(paths, io.cwd, false);
      const run = await runPlan(
        { paths, cwd: io.cwd, hostFile: opts.host, configFile: opts.config ?? (opts.configLookup ? undefined : false), gitignore: respectGitignore(opts.respectGitignore, io.env) },
        { maxSteps: opts.maxSteps },
      );
      for (const p of run.plans) io.stderr(neutralise(describeHostPlan(p)));
      if (run.plans.length === 0) io.stderr('kvmlint plan: no domain is mapped to a host (use --host or the config\'s hosts)\n');
      let failures = 0;
      // A plan whose planned texts still lint with a placement finding is not a layout: --write keeps every
      // file as it is (the plans of a run are one change; writing part of one could leave a guest worse off).
      const holdBack = opts.write === true && run.remaining.length > 0;
      for (const [abs, c] of run.changed) {
        const shown = toPosixPath(displayPath(abs, io.cwd));
        if (holdBack) continue;
        if (!opts.write) {
          const encoding = run.encodings.get(abs) ?? 'utf-8';
          const refusal = encodingRefusal(encoding);
          if (refusal) {
            io.stderr(`kvmlint plan: ${neutraliseLine(`${shown}: ${refusal}`)}\n`);
            failures++;
            continue;
          }
          const patch = patchForOutput(unifiedDiff(c.before, c.after, gitQuotedPath(`a/${shown}`), gitQuotedPath(`b/${shown}`)), shown, io.isTTY);
          writePatch(io, patch.text, encoding);
          if (patch.note) io.stderr(`kvmlint plan: note: ${patch.note}\n`);
          continue;
        }
        await yieldToSignals();
        try {
          writeFixedFile(abs, c.before, c.after, workspaceRoot(io.cwd, io.env));
        } catch (e) {
          if (!(e instanceof FixWriteError)) throw e;
          io.stderr(`kvmlint: ${neutraliseLine(e.message.replace(abs, shown))}\n`);
          failures++;
        }
      }
      if (opts.mapFile) {
        const label = (m: HostMap, when: string): HostMap => ({ ...m, name: `${m.name} — ${when}` });
        const maps = run.maps.before.flatMap((b) => {
          const a = run.maps.after.find((m) => m.path === b.path);
          return a ? [label(b, 'before the plan'), label(a, 'after the plan')] : [b];
        });
        writeReportOrFail(resolve(io.cwd, opts.mapFile), formatMapHtml(maps, 'kvmlint placement plan'), repositoryRoot(io.cwd));
      }
      for (const d of run.remaining) io.stderr(`kvmlint plan: after the plan, ${neutraliseLine(`${d.file}:${d.line}:${d.column} ${d.ruleId}: ${d.message}`)}\n`);
      if (holdBack) io.stderr(`kvmlint plan: nothing written: the planned files still have the placement findings above\n`);
      for (const d of run.unresolved) io.stderr(`kvmlint plan: not resolved by the plan, ${neutraliseLine(`${d.file}:${d.line}:${d.column} ${d.ruleId}: ${d.message}`)}\n`);
      const infeasible = run.plans.some((p) => p.status === 'infeasible' || p.status === 'refused' || p.status === 'gave-up');
      // A layout that still lints with a placement finding is not one (a rule the planner does not model yet).
      // So is one that leaves a placement error on a guest it does not plan, or on the host.
      setExit(failures > 0 ? 2 : infeasible || run.plans.length === 0 || run.remaining.length > 0 || run.unresolved.length > 0 ? 1 : 0);
    });
}
