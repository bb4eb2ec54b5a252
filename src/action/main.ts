// GitHub Action entry (action.yml `main: dist/action.mjs`): the runner starts it in the workspace.
import { runAction } from './run.ts';
import { workflowCommand } from '../formats/github.ts';
import { enableBaselineCompiler, keepFreedMallocMemory, tuneV8ForLint } from '../engine/v8-flags.ts';

tuneV8ForLint();
keepFreedMallocMemory();
// Sparkplug starts off for the CLI's code cache; the Action has none, and lints a whole workspace.
enableBaselineCompiler();

// Until the run settles: a promise that never resolves must not pass for a clean step.
process.exitCode = 2;
let settled = false;
process.on('beforeExit', () => {
  if (!settled) process.stdout.write(`${workflowCommand('error', [], 'kvmlint: internal error: the run stopped before it finished')}\n`);
});

runAction({ env: process.env, cwd: process.cwd(), stdout: (s) => process.stdout.write(s) }).then(
  (code) => {
    settled = true;
    process.exitCode = code;
  },
  (e: unknown) => {
    settled = true;
    process.stdout.write(`${workflowCommand('error', [], `kvmlint: internal error: ${e instanceof Error ? e.message : String(e)}`)}\n`);
    process.exitCode = 2;
  },
);
