/**
 * How the GitHub Actions runner reads a step's stdout for workflow commands, ported for tests
 * (actions/runner src/Runner.Worker/ActionCommandManager.cs TryProcessCommand, and
 * src/Runner.Common/ActionCommand.cs TryParseV2 / TryParse):
 *
 * - stdout is read line by line; .NET's ReadLine ends a line at LF, CR or CR LF;
 * - `::name props::data`, after leading whitespace is trimmed (TryParseV2), is tried first;
 * - else the legacy `##[name props]data` anywhere in the line (TryParse);
 * - only registered command names count;
 * - after `::stop-commands::token`, every command is ignored until one named `token`
 *   (compared case-insensitively), which resumes processing.
 */

export interface RunnerCommand {
  name: string;
  properties: Record<string, string>;
  data: string;
  /** 1-based line of stdout as the runner counts lines. */
  line: number;
}

const REGISTERED = [
  'add-mask', 'add-matcher', 'remove-matcher', 'add-path', 'set-env', 'set-output', 'save-state', 'echo', 'group', 'endgroup',
  'debug', 'notice', 'warning', 'error', 'stop-commands', 'internal-set-repo-path',
];

function unescapeData(s: string): string {
  return s.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%');
}
function unescapeProperty(s: string): string {
  return s.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%3A/g, ':').replace(/%2C/g, ',').replace(/%25/g, '%');
}
function unescapeLegacy(s: string): string {
  return s.replace(/%3B/g, ';').replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%5D/g, ']').replace(/%25/g, '%');
}

function parseV2(line: string, registered: ReadonlySet<string>): Omit<RunnerCommand, 'line'> | undefined {
  const message = line.trimStart();
  if (!message.startsWith('::')) return undefined;
  const end = message.indexOf('::', 2);
  if (end < 0) return undefined;
  const info = message.slice(2, end);
  const space = info.indexOf(' ');
  const name = space < 0 ? info : info.slice(0, space);
  if (!registered.has(name.toLowerCase())) return undefined;
  const properties: Record<string, string> = {};
  if (space > 0) {
    for (const prop of info.slice(space + 1).trim().split(',').filter(Boolean)) {
      const eq = prop.indexOf('=');
      if (eq > 0 && eq < prop.length - 1) properties[prop.slice(0, eq)] = unescapeProperty(prop.slice(eq + 1));
    }
  }
  return { name, properties, data: unescapeData(message.slice(end + 2)) };
}

function parseLegacy(line: string, registered: ReadonlySet<string>): Omit<RunnerCommand, 'line'> | undefined {
  const prefix = line.indexOf('##[');
  if (prefix < 0) return undefined;
  const rb = line.indexOf(']', prefix);
  if (rb < 0) return undefined;
  const info = line.slice(prefix + 3, rb);
  const space = info.indexOf(' ');
  const name = space < 0 ? info : info.slice(0, space);
  if (!registered.has(name.toLowerCase())) return undefined;
  const properties: Record<string, string> = {};
  if (space > 0) {
    for (const prop of info.slice(space + 1).split(';').filter(Boolean)) {
      const eq = prop.indexOf('=');
      if (eq > 0 && eq < prop.length - 1) properties[prop.slice(0, eq)] = unescapeLegacy(prop.slice(eq + 1));
    }
  }
  return { name, properties, data: unescapeLegacy(line.slice(rb + 1)) };
}

/** The commands the runner would process from `stdout`, in order (ignored ones left out). */
export function runnerCommands(stdout: string): RunnerCommand[] {
  const registered = new Set(REGISTERED);
  const processed: RunnerCommand[] = [];
  let stopToken: string | undefined;
  const lines = stdout.split(/\r\n|\r|\n/);
  lines.forEach((text, i) => {
    const parsed = parseV2(text, registered) ?? parseLegacy(text, registered);
    if (!parsed) return;
    if (stopToken !== undefined) {
      if (parsed.name.toLowerCase() !== stopToken.toLowerCase()) return;
      registered.delete(stopToken.toLowerCase());
      stopToken = undefined;
      processed.push({ ...parsed, line: i + 1 });
      return;
    }
    processed.push({ ...parsed, line: i + 1 });
    if (parsed.name === 'stop-commands') {
      // The runner refuses an empty token or one that is itself a command name.
      if (parsed.data === '' || REGISTERED.includes(parsed.data.toLowerCase())) return;
      stopToken = parsed.data;
      registered.add(stopToken.toLowerCase());
    }
  });
  return processed;
}
