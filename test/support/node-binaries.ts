import { spawnSync } from 'node:child_process';

/**
 * The Node binaries the bundles must run on: the one running the tests (Node 20 in CI) and
 * Node 24 (GitHub's `runs.using: node24`), installed by .ci/run from the npm registry's `node@24`
 * package and named by KVMLINT_NODE24. Without it the Node 24 cases are skipped locally, but in
 * CI (CI set) a missing Node 24 is a failure, so the check can never pass by being skipped.
 */
export const NODE24_ENV = 'KVMLINT_NODE24';

export interface NodeBinary {
  label: string;
  path: string;
  /** Why this binary's tests are skipped, if they are. */
  skip?: string;
}

function majorOf(binary: string): number | undefined {
  const r = spawnSync(binary, ['--version'], { encoding: 'utf8' });
  const m = /^v(\d+)\./.exec(r.stdout ?? '');
  return m ? Number(m[1]) : undefined;
}

export function nodeBinaries(): NodeBinary[] {
  const current: NodeBinary = { label: `node ${process.version}`, path: process.execPath };
  const node24 = process.env[NODE24_ENV];
  if (!node24) {
    if (process.env.CI) throw new Error(`${NODE24_ENV} is not set: .ci/run installs node@24 from the npm registry and exports it`);
    return [current, { label: 'node 24', path: '', skip: `${NODE24_ENV} not set (.ci/run sets it; run \`npm i --no-save --prefix /tmp/n24 node@24\` and export ${NODE24_ENV}=/tmp/n24/node_modules/node/bin/node)` }];
  }
  const major = majorOf(node24);
  if (major !== 24) throw new Error(`${NODE24_ENV}=${node24} is not a Node 24 binary (major ${major ?? 'unknown'})`);
  return [current, { label: 'node 24', path: node24 }];
}
