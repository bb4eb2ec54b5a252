/**
 * One of Node's legacy internal bindings, `process.binding(name)`, or undefined where this Node has
 * none by that name. kvmlint reaches for a binding only where the public module around it loads far
 * more than the one function it needs (node:v8 and node:tty load Node's stream modules, and tty loads
 * `net`: 3.6-10 ms of a one-file run). The access is deprecated (DEP0111); its warning, which would load
 * those same modules to print itself, is silenced for this one access. Node 24 keeps `tty_wrap` but
 * no longer `v8`; callers fall back to the public module.
 */
export function legacyBinding<T extends object>(name: string): Partial<T> | undefined {
  const proc = process as unknown as { binding?: (name: string) => unknown; noDeprecation?: boolean };
  const quiet = proc.noDeprecation;
  try {
    proc.noDeprecation = true;
    const binding = proc.binding?.(name);
    return typeof binding === 'object' && binding !== null ? (binding as Partial<T>) : undefined;
  } catch {
    return undefined;
  } finally {
    proc.noDeprecation = quiet;
  }
}
