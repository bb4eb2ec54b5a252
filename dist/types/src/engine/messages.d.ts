import type { MessageData, Rule } from './types.js';
/** ESLint's interpolation: `{{name}}` replaced by data.name; a placeholder without a value is the rule's bug. */
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
