/**
 * This process's environment without the variables that make kvmlint behave as on CI (src/engine/ci.ts: no
 * .gitignore in walks): for tests of the CLI as a person runs it, which CI (`CI=true`) also runs.
 */
export function localEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const name of ['CI', 'GITHUB_ACTIONS', 'TF_BUILD', 'JENKINS_URL']) delete env[name];
  return { ...env, ...extra };
}
