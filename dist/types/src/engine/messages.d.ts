import type { MessageData, Rule } from './types.js';
/** ESLint's interpolation: `{{name}}` replaced by data.name; a placeholder without a value is the rule's bug. */
/**
 * The longest value a placeholder takes. Values come from the XML (names, cpusets, lists a rule
 * builds from them): a hostile or broken file must not turn a one-line message into megabytes
 * (the fuzzer's 251,134-character smt-sibling-sharing message), so every value is cut here, once,
 * for every rule.
 */
export declare const MAX_PLACEHOLDER_VALUE = 200;
/** `data` with every string value cut to MAX_PLACEHOLDER_VALUE characters. */
export declare function boundedData(data: MessageData): MessageData;
export declare function interpolate(template: string, data: MessageData | undefined, where: () => string): string;
export interface RenderedMessage {
    messageId?: string;
    data?: MessageData;
    message: string;
    help?: string;
}
/**
 * The text of a report: by `messageId` from the rule's `meta.messages` (an id
 * the rule did not declare throws, as ESLint's linter does).
 */
export declare function renderReport(rule: Rule, d: {
    messageId?: string;
    data?: MessageData;
    message?: string;
    help?: string;
}): RenderedMessage;
