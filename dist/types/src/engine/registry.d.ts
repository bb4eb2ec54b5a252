import type { Rule, RuleDoc, RuleSetting } from './types.js';
export declare const rules: readonly Rule[];
export declare function findRule(id: string): Rule | undefined;
export declare function ruleDoc(rule: Rule): RuleDoc;
/** The rule whose finding says a file's findings were cut (reported by the engine, never configured). */
export declare const TOO_MANY_FINDINGS = "too-many-findings";
/**
 * Why a rule's level cannot be set as asked, or undefined: `too-many-findings` is the engine's bound, always an
 * error, so a committed config cannot make a flooded file pass (or a cut report look complete).
 */
export declare function fixedLevelProblem(id: string, level: RuleSetting): string | undefined;
