import { excerpt } from '../model/describe.ts';
import type { MessageData, Rule } from './types.ts';

const PLACEHOLDER = /\{\{\s*([A-Za-z_][\w]*)\s*\}\}/g;

/** ESLint's interpolation: `{{name}}` replaced by data.name; a placeholder without a value is the rule's bug. */
/**
 * The longest value a placeholder takes. Values come from the XML (names, cpusets, lists a rule
 * builds from them): a hostile or broken file must not turn a one-line message into megabytes
 * (the fuzzer's 251,134-character smt-sibling-sharing message), so every value is cut here, once,
 * for every rule.
 */
export const MAX_PLACEHOLDER_VALUE = 200;

function boundedValue(value: string | number): string | number {
  return typeof value === 'string' && value.length > MAX_PLACEHOLDER_VALUE ? excerpt(value, MAX_PLACEHOLDER_VALUE) : value;
}

/** `data` with every string value cut to MAX_PLACEHOLDER_VALUE characters. */
export function boundedData(data: MessageData): MessageData {
  let out: Record<string, string | number> | undefined;
  for (const [k, v] of Object.entries(data)) {
    const b = boundedValue(v);
    if (b !== v) (out ??= { ...data })[k] = b;
  }
  return out ?? data;
}

/** Each template split once into text and placeholder names, alternately (templates are the rules' static messages). */
const templateParts = new Map<string, readonly string[]>();

function partsOf(template: string): readonly string[] {
  let parts = templateParts.get(template);
  if (parts === undefined) {
    const split: string[] = [];
    let last = 0;
    for (const m of template.matchAll(PLACEHOLDER)) {
      split.push(template.slice(last, m.index), m[1]!);
      last = m.index! + m[0].length;
    }
    split.push(template.slice(last));
    templateParts.set(template, (parts = split));
  }
  return parts;
}

export function interpolate(template: string, data: MessageData | undefined, where: () => string): string {
  const parts = partsOf(template);
  let out = parts[0]!;
  for (let i = 1; i < parts.length; i += 2) {
    const value = data?.[parts[i]!];
    if (value === undefined) throw new Error(`${where()}: no value for placeholder {{${parts[i]}}}`);
    out += String(boundedValue(value)) + parts[i + 1]!;
  }
  return out;
}

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
export function renderReport(rule: Rule, d: { messageId?: string; data?: MessageData; message?: string; help?: string }): RenderedMessage {
  if (d.messageId === undefined) throw new Error(`rule ${rule.meta.id} reported without a messageId`);
  const spec = rule.meta.messages?.[d.messageId];
  if (!spec) throw new Error(`rule ${rule.meta.id} reported messageId '${d.messageId}', which its meta.messages does not declare`);
  const where = () => `rule ${rule.meta.id} message '${d.messageId}'`;
  const out: RenderedMessage = { messageId: d.messageId, message: interpolate(spec.message, d.data, where) };
  if (d.data && Object.keys(d.data).length > 0) out.data = boundedData(d.data);
  if (spec.help !== undefined) out.help = interpolate(spec.help, d.data, where);
  return out;
}
