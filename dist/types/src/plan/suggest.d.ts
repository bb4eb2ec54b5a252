/**
 * Plan-backed suggestions (issue 17): a placement finding on a guest that `kvmlint plan`
 * would change gets that change as a suggestion, so an editor, SARIF viewer or
 * `--format json` consumer sees the whole layout's edit for this file, not only advice.
 * A suggestion, never a `--fix`: moving a guest is one of several valid layouts, a
 * choice a person makes (ESLint's line between fixes and suggestions).
 */
import type { Diagnostic, Fix, LintedDomain, LintHost } from '../engine/types.js';
/** One replacement covering what differs between two texts (common prefix and suffix kept). */
export declare function minimalFix(before: string, after: string): Fix;
/**
 * Adds to `diagnostics` (in place) a suggestion on the first placement finding of each file the
 * host's plan changes. Nothing is added when the plan is infeasible, refused or gives up.
 */
export declare function addPlanSuggestions(host: LintHost, domains: readonly LintedDomain[], diagnostics: readonly Diagnostic[], unparsed?: readonly string[]): void;
