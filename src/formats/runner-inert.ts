/**
 * The GitHub Actions runner reads every line a step prints, stdout and stderr, for workflow commands:
 * `::name …::data` at a line's start (after whitespace) and the legacy `##[name …]data` anywhere in a
 * line (test/support/runner-commands.ts ports its parser). The Action wraps its report in
 * stop-commands; the CLI in a `run:` step or under pre-commit on Actions prints text reports whose
 * lines start with a file name (`::error file=SECURITY.md::x.xml`, a name git allows) and hold
 * values and comments from the pull request (`##[stop-commands]`), which forged annotations, masked
 * words and stopped later commands with exit 0.
 *
 * This writer makes such lines inert, one character for one: a `:` opening a line (after whitespace)
 * becomes U+2236 RATIO `∶`, and the `[` of `##[` becomes U+FF3B `［`. It keeps its state across
 * writes, so a line split between two writes is read as the runner reads it.
 */
export function runnerInertWriter(write: (s: string) => void): (s: string) => void {
  // Only whitespace since the last line break (the runner splits lines at LF, CR and CR LF, then trims).
  let lineStart = true;
  // How many '#' end what was written so far (two make the next '[' a legacy command).
  let hashes = 0;
  return (s) => {
    if (s === '') return;
    let out = '';
    let from = 0;
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      let replacement: string | undefined;
      if (c === 0x0a || c === 0x0d) {
        lineStart = true;
        hashes = 0;
        continue;
      }
      if (c === 0x3a /* : */ && lineStart) replacement = '\u2236';
      else if (c === 0x5b /* [ */ && hashes >= 2) replacement = '\uFF3B';
      hashes = c === 0x23 /* # */ ? hashes + 1 : 0;
      if (lineStart && !(c === 0x20 || c === 0x09 || c === 0x0b || c === 0x0c || c === 0xa0 || c === 0xfeff || (c >= 0x2000 && c <= 0x200a) || c === 0x3000 || c === 0x1680 || c === 0x202f || c === 0x205f || c === 0x85 || c === 0x2028 || c === 0x2029)) lineStart = false;
      if (replacement !== undefined) {
        out += s.slice(from, i) + replacement;
        from = i + 1;
      }
    }
    write(from === 0 ? s : out + s.slice(from));
  };
}

/** Whether the process runs as a GitHub Actions step (the runner sets GITHUB_ACTIONS=true). */
export function onGithubActions(env: Readonly<Record<string, string | undefined>>): boolean {
  return env.GITHUB_ACTIONS === 'true';
}
