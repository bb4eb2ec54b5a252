/**
 * Whether kvmlint runs on a CI system, where a checkout holds tracked files only. git never ignores a tracked
 * file, so a `.gitignore` there can only hide the pull request's own domains from a directory walk (a pull
 * request that adds `bad.xml` to `.gitignore` got exit 0 from `kvmlint .`). The walk then reads no `.gitignore`,
 * as the Action always does; `--respect-gitignore` and `--no-respect-gitignore` say it outright.
 *
 * Recognised: `CI` set to anything but an empty or false value (GitHub Actions, GitLab CI, CircleCI, Travis CI,
 * Buildkite, Bitbucket Pipelines, Drone, Woodpecker and most others set `CI=true`), `GITHUB_ACTIONS=true`, Azure
 * Pipelines' `TF_BUILD` and Jenkins' `JENKINS_URL` (neither sets `CI`).
 */
export function onCi(env: Readonly<Record<string, string | undefined>>): boolean {
  return truthy(env.CI) || env.GITHUB_ACTIONS === 'true' || truthy(env.TF_BUILD) || (env.JENKINS_URL ?? '') !== '';
}

/** Set, and not a spelling of false ('', 0, false, no, off: `CI=false` turns it off, as ci-info and ruff read it). */
function truthy(value: string | undefined): boolean {
  return value !== undefined && !['', '0', 'false', 'no', 'off'].includes(value.trim().toLowerCase());
}

/**
 * Whether a walk honours .gitignore: as the flag says when one was given (`--[no-]respect-gitignore`, or the older
 * `--no-gitignore`), otherwise everywhere but on CI.
 */
export function respectGitignore(flag: boolean | undefined, env: Readonly<Record<string, string | undefined>>): boolean {
  return flag ?? !onCi(env);
}

export const RESPECT_GITIGNORE_HELP = 'let .gitignore hide walked files, also on CI';
export const NO_RESPECT_GITIGNORE_HELP = 'lint walked files .gitignore lists too (the default on CI: $CI, $TF_BUILD or $JENKINS_URL set)';
