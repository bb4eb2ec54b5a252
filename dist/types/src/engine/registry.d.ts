import type { Rule, RuleDoc } from './types.js';
export declare const rules: readonly Rule[];
export declare function findRule(id: string): Rule | undefined;
export declare function ruleDoc(rule: Rule): RuleDoc;
