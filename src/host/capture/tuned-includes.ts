/**
 * The chain of tuned profiles the active profile includes. tuned loads a
 * profile's `include=` profiles first (comma or space separated, tuned's
 * profiles/loader.py), each from /etc/tuned/<name>/tuned.conf when present,
 * else the shipped /usr/lib/tuned/<name>/tuned.conf (tuned 2.23+:
 * /usr/lib/tuned/profiles/<name>/, /etc/tuned/profiles/<name>/). A custom profile
 * that includes cpu-partitioning or realtime-virtual-host isolates like them.
 */

/** Where tuned looks for a profile's tuned.conf, relative to the root, most specific first. */
export function tunedProfileConfPaths(name: string): string[] {
  return [`etc/tuned/profiles/${name}/tuned.conf`, `etc/tuned/${name}/tuned.conf`, `usr/lib/tuned/profiles/${name}/tuned.conf`, `usr/lib/tuned/${name}/tuned.conf`];
}

/** The `include=` profile names of a tuned.conf's [main] section (`${…}` variables left as written). */
export function tunedIncludesOf(conf: string): string[] {
  let section = '';
  const out: string[] = [];
  for (const raw of conf.split('\n')) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const header = /^\[(.+)\]$/.exec(line);
    if (header) {
      section = header[1]!.trim();
      continue;
    }
    if (section !== 'main') continue;
    const m = /^include\s*=\s*(.*)$/.exec(line);
    if (m) out.push(...m[1]!.split(/[\s,]+/).filter((n) => n !== ''));
  }
  return out;
}

/**
 * Every profile the active profiles (space separated, as in /etc/tuned/active_profile)
 * include, transitively, in tuned's reading order (an include before the profile that
 * names it), each once; the active profiles themselves are left out. `read` returns a
 * profile's tuned.conf text, or undefined when none is found.
 */
export function tunedIncludeChain(active: string, read: (name: string) => string | undefined): string[] {
  const roots = active.split(/\s+/).filter((n) => n !== '');
  const seen = new Set<string>(roots);
  const out: string[] = [];
  const visit = (name: string, depth: number) => {
    // tuned itself stops on include loops; a depth bound keeps a hostile tree finite.
    if (depth > 32) return;
    const conf = read(name);
    if (conf === undefined) return;
    for (const inc of tunedIncludesOf(conf)) {
      if (seen.has(inc)) continue;
      seen.add(inc);
      visit(inc, depth + 1);
      out.push(inc);
    }
  };
  for (const r of roots) visit(r, 0);
  return out;
}
