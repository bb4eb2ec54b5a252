import { readmes, rules as allRules } from '../../rules/index.ts';
import { HOMEPAGE, VERSION } from '../version.ts';
import type { Rule, RuleDoc, RuleSetting } from './types.ts';

export const rules: readonly Rule[] = allRules;

const byId = new Map(rules.map((r) => [r.meta.id, r]));

export function findRule(id: string): Rule | undefined {
  return byId.get(id);
}

/** First paragraph after the README's title. */
function firstParagraph(md: string): string {
  const body = md.replace(/^#[^\n]*\n/, '').trim();
  return (body.split(/\n\s*\n/)[0] ?? '').replace(/\s*\n\s*/g, ' ').trim();
}

/** Markdown to readable plain text: drop emphasis, code fences and link targets; keep the words. */
function markdownToText(md: string): string {
  return md
    .replace(/^```\w*\n?/gm, '')
    .replace(/`([^`]*)`/g, '$1')
    .replace(/\*\*([^*]+)\*\*/g, '$1')
    .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
    .replace(/^#+\s*/gm, '')
    .trim();
}

const docs = new Map<string, RuleDoc>();
let readmeTexts: Readonly<Record<string, string>> | undefined;

export function ruleDoc(rule: Rule): RuleDoc {
  let doc = docs.get(rule.meta.id);
  if (!doc) {
    // The texts are read and derived when a format asks (SARIF, `kvmlint rules`): every run lists
    // its rules, and converting 49 READMEs was a tenth of a one-file run's own work.
    let md: string | undefined;
    const markdown = () => (md ??= (readmeTexts ??= readmes())[rule.meta.id] ?? `# ${rule.meta.id}\n\n${rule.meta.summary}\n`);
    let fullDescription: string | undefined;
    let helpText: string | undefined;
    doc = {
      meta: rule.meta,
      get fullDescription() {
        return (fullDescription ??= firstParagraph(markdown()) || rule.meta.summary);
      },
      get helpMarkdown() {
        return markdown();
      },
      get helpText() {
        return (helpText ??= markdownToText(markdown()));
      },
      // The README of this release (its tag), not of main: a rule's advice changes between versions.
      helpUri: `${HOMEPAGE}/blob/v${VERSION}/rules/${rule.meta.id}/README.md`,
    };
    docs.set(rule.meta.id, doc);
  }
  return doc;
}

/** The rule whose finding says a file's findings were cut (reported by the engine, never configured). */
export const TOO_MANY_FINDINGS = 'too-many-findings';

/**
 * Why a rule's level cannot be set as asked, or undefined: `too-many-findings` is the engine's bound, always an
 * error, so a committed config cannot make a flooded file pass (or a cut report look complete).
 */
export function fixedLevelProblem(id: string, level: RuleSetting): string | undefined {
  return id === TOO_MANY_FINDINGS && level !== 'error' ? `rule '${id}' is kvmlint's own bound on findings per file: it is always an error and cannot be set to ${level}` : undefined;
}

