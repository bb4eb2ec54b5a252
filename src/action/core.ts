import { randomUUID } from 'node:crypto';
import { appendFileSync } from 'node:fs';
import { EOL } from 'node:os';
import { workflowCommand } from '../formats/github.ts';

/**
 * The few `@actions/core` functions the Action needs, with the same behaviour (toolkit
 * `packages/core/src/{core,file-command}.ts`), so the bundle carries no dependency for them.
 */

export type Env = Readonly<Record<string, string | undefined>>;

export class InputError extends Error {}

/** `INPUT_<NAME>`: spaces become `_`, upper-cased; hyphens stay (`INPUT_SARIF-FILE`). Trimmed. */
export function getInput(env: Env, name: string, options: { required?: boolean } = {}): string {
  const value = (env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim();
  if (options.required && !value) throw new InputError(`Input required and not supplied: ${name}`);
  return value;
}

/** One value per line; blank lines dropped. */
export function getMultilineInput(env: Env, name: string): string[] {
  return getInput(env, name)
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

/**
 * Sets a step output. With `$GITHUB_OUTPUT`, appends `name<<delimiter`, the value, `delimiter`,
 * so multi-line values are safe; the random delimiter must not occur in the name or value.
 * Without it, the deprecated `::set-output` command, as `@actions/core` falls back to.
 */
export function setOutput(env: Env, name: string, value: string, stdout: (s: string) => void): void {
  const file = env.GITHUB_OUTPUT;
  if (!file) {
    stdout(`${EOL}${workflowCommand('set-output', [['name', name]], value)}${EOL}`);
    return;
  }
  const delimiter = `ghadelimiter_${randomUUID()}`;
  if (name.includes(delimiter) || value.includes(delimiter)) throw new Error(`output ${name} contains the delimiter ${delimiter}`);
  appendFileSync(file, `${name}<<${delimiter}${EOL}${value}${EOL}${delimiter}${EOL}`, 'utf8');
}

/** Appends Markdown to the job summary (`$GITHUB_STEP_SUMMARY`); outside Actions there is none. */
export function appendStepSummary(env: Env, markdown: string): boolean {
  const file = env.GITHUB_STEP_SUMMARY;
  if (!file) return false;
  appendFileSync(file, markdown, 'utf8');
  return true;
}
