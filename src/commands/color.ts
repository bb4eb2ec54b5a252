import type { CliIo } from '../cli.ts';

/** --color/--no-color, else FORCE_COLOR, else a terminal without NO_COLOR and no -o (the lint report and kvmlint map alike). */
export function useColor(opts: { color?: boolean; outputFile?: string }, io: CliIo): boolean {
  if (opts.color !== undefined) return opts.color;
  // An empty value counts as unset (CI files often blank a variable rather than remove it).
  const force = io.env.FORCE_COLOR;
  if (force) return force !== '0' && force.toLowerCase() !== 'false';
  return io.isTTY && !io.env.NO_COLOR && !opts.outputFile;
}
