/**
 * Plan-backed suggestions (issue 17): a placement finding on a guest that `kvmlint plan`
 * would change gets that change as a suggestion, so an editor, SARIF viewer or
 * `--format json` consumer sees the whole layout's edit for this file, not only advice.
 * A suggestion, never a `--fix`: moving a guest is one of several valid layouts, a
 * choice a person makes (ESLint's line between fixes and suggestions).
 */
import type { Diagnostic, Fix, LintedDomain, LintHost } from '../engine/types.ts';
import { describeNodes, excerpt } from '../model/describe.ts';
import { planHost } from './plan.ts';
import { isPlacementFinding } from './problem.ts';

/** The search budget here: lint must stay fast; a plan that needs more is `kvmlint plan`'s to find. */
const SUGGESTION_MAX_STEPS = 20_000;

/** One replacement covering what differs between two texts (common prefix and suffix kept). */
export function minimalFix(before: string, after: string): Fix {
  let start = 0;
  const limit = Math.min(before.length, after.length);
  while (start < limit && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let end = 0;
  while (end < limit - start && before.charCodeAt(before.length - 1 - end) === after.charCodeAt(after.length - 1 - end)) end++;
  return { range: [start, before.length - end], text: after.slice(start, after.length - end) };
}

/**
 * Adds to `diagnostics` (in place) a suggestion on the first placement finding of each file the
 * host's plan changes. Nothing is added when the plan is infeasible, refused or gives up.
 */
export function addPlanSuggestions(host: LintHost, domains: readonly LintedDomain[], diagnostics: readonly Diagnostic[], unparsed: readonly string[] = []): void {
  // A plan member that does not parse has an unknown placement: planHost refuses such a plan.
  if (unparsed.length > 0) return;
  const placement = diagnostics.filter((d) => isPlacementFinding(d) && d.file !== host.path);
  // A finding with a fix of its own gets no plan suggestion: with nothing else to attach to, no plan is run.
  if (!placement.some((d) => !d.fix)) return;
  let plan;
  try {
    plan = planHost(host, domains, diagnostics, { maxSteps: SUGGESTION_MAX_STEPS });
  } catch {
    // A planner failure must never fail the lint; `kvmlint plan` reports it.
    return;
  }
  if (plan.status !== 'planned') return;
  for (const change of plan.changes) {
    if (change.text === undefined) continue;
    const file = change.linted.source.path;
    const label = excerpt(change.label, 40);
    const message = change.from.equals(change.to)
      ? `apply \`kvmlint plan\`'s layout of the whole host to ${label} (it stays on ${describeNodes(change.to)})`
      : `move ${label} to ${describeNodes(change.to)}, as \`kvmlint plan\` lays out the whole host`;
    const fix = minimalFix(change.linted.source.text, change.text);
    // Once per file, on its first placement finding without a fix of its own: the edit is the whole
    // guest's, and repeating it under every finding of the file would be noise.
    const first = placement.filter((d) => d.file === file && !d.fix).sort((a, b) => a.line - b.line || a.column - b.column)[0];
    // The rule's own suggestion may already be exactly this edit (e.g. pin-crosses-nodeset's nodeset).
    const same = (f: Fix) => f.range[0] === fix.range[0] && f.range[1] === fix.range[1] && f.text === fix.text;
    if (first && !first.suggestions?.some((sg) => same(sg.fix))) (first.suggestions ??= []).push({ message, fix });
  }
}
