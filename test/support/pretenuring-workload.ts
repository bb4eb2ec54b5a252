// Child process of test/engine/v8-flags.test.ts: allocates the way a plan does (object and array
// literals that live through several scavenges, then die), with the CLI's V8 setup or V8's defaults.
import { tuneV8ForLint } from '../../src/engine/v8-flags.ts';

if (process.argv.includes('--tuned')) tuneV8ForLint();
const live: Array<Array<{ id: number; ids: number[] }>> = [];
let sum = 0;
for (let round = 0; round < 400; round++) {
  const plan: Array<{ id: number; ids: number[] }> = [];
  for (let i = 0; i < 2000; i++) plan.push({ id: i, ids: [i, round] });
  live.push(plan);
  if (live.length > 20) sum += live.shift()!.length;
}
process.stdout.write(String(sum));
