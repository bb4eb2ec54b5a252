// GitHub Action entry (action.yml `main: dist/action.mjs`): the runner starts it in the workspace.
import { runAction } from './run.ts';
import { workflowCommand } from '../formats/github.ts';

runAction({ env: process.env, cwd: process.cwd(), stdout: (s) => process.stdout.write(s) }).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stdout.write(`${workflowCommand('error', [], `kvmlint: internal error: ${e instanceof Error ? e.message : String(e)}`)}\n`);
    process.exitCode = 2;
  },
);
