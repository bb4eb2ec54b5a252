/**
 * `kvmlint map`: the placement of every host plan, in the terminal or as one
 * self-contained HTML file (src/map/).
 */
import { onGithubActions, runnerInertWriter } from '../formats/runner-inert.ts';
import { NO_RESPECT_GITIGNORE_HELP, RESPECT_GITIGNORE_HELP, respectGitignore } from '../engine/ci.ts';
import { writeReportOrFail } from '../engine/report-file.ts';
import { repositoryRoot } from '../engine/repo.ts';
import { resolve } from 'node:path';
import { Option, type Command } from 'commander';
import type { CliIo } from '../cli.ts';
import { useColor } from './color.ts';
import { lint, type LintOptions } from '../engine/runner.ts';
import { UsageError } from '../engine/source.ts';
import { formatMapHtml } from '../map/html.ts';
import { buildHostMap, type HostMap } from '../map/model.ts';
import { formatHostMapText } from '../map/text.ts';
import { tuneV8ForRunLength } from '../run-length.ts';

/** Lints the paths and draws a map of every host plan. */
export async function buildMaps(options: LintOptions): Promise<HostMap[]> {
  const maps: HostMap[] = [];
  await lint({ ...options, onPlan: (p) => maps.push(buildHostMap(p)) });
  return maps;
}

interface MapCommandOptions {
  host?: string;
  config?: string;
  configLookup: boolean;
  respectGitignore?: boolean;
  format: 'text' | 'html';
  outputFile?: string;
  color?: boolean;
}

export function registerMapCommand(program: Command, io: CliIo, setExit: (code: number) => void): void {
  program
    .command('map')
    .description('show which guest thread runs on which CPU of each host node, with hugepages, memory and findings')
    .argument('[paths...]', 'files, directories (their **/*.xml) or globs (default: .)')
    .option('--host <file>', 'host snapshot that every domain is planned on (overrides the config\'s hosts)')
    .option('-c, --config <file>', 'configuration file (default: nearest kvmlint.config.json up to the repository root)')
    .option('--no-config-lookup', 'do not look for kvmlint.config.json')
    .option('--respect-gitignore', RESPECT_GITIGNORE_HELP)
    .option('--no-respect-gitignore', NO_RESPECT_GITIGNORE_HELP)
    .addOption(new Option('-f, --format <format>', 'text for the terminal, html for one self-contained file').choices(['text', 'html']).default('text'))
    .option('-o, --output-file <file>', 'write the map to a file')
    .option('--color', 'force colored output')
    .option('--no-color', 'disable colored output')
    .action(async (paths: string[], opts: MapCommandOptions) => {
      tuneV8ForRunLength(paths, io.cwd, false);
      const maps = await buildMaps({ paths, cwd: io.cwd, hostFile: opts.host, configFile: opts.config ?? (opts.configLookup ? undefined : false), gitignore: respectGitignore(opts.respectGitignore, io.env) });
      if (maps.length === 0) throw new UsageError('no domain is mapped to a host: use --host or the config\'s hosts');
      const color = useColor(opts, io);
      const out = opts.format === 'html' ? formatMapHtml(maps) : maps.map((m) => formatHostMapText(m, { color })).join('\n');
      if (opts.outputFile) writeReportOrFail(resolve(io.cwd, opts.outputFile), out, repositoryRoot(io.cwd));
      // On GitHub Actions the runner reads stdout for workflow commands: names and file names made inert there.
      else (onGithubActions(io.env) ? runnerInertWriter(io.stdout) : io.stdout)(out);
      setExit(0);
    });
}
