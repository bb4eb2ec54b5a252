import path from 'node:path';
import { repoRelativePath } from '../engine/paths.ts';
import { pathToFileURL } from 'node:url';
import type { Artifact, ArtifactLocation, Region } from 'sarif';
import { LineIndex } from '../xml/lines.ts';

export const SRCROOT = '%SRCROOT%';

/** `file:///abs/root/`: SARIF requires a base URI to end with a slash (multitool SARIF1004). */
export function rootUri(root: string): string {
  const href = pathToFileURL(path.resolve(root)).href;
  return href.endsWith('/') ? href : `${href}/`;
}

/**
 * Where a file lives, as SARIF wants it: relative to the root under `%SRCROOT%` (POSIX separators,
 * each segment percent-encoded, so `a b.xml` or `c:d.xml` stay valid URI references), or an absolute
 * `file:` URI when the file is outside the root (a `..` segment in a file URI is an error, SARIF1002).
 */
export function fileLocation(file: string, root: string, cwd: string): { uri: string; uriBaseId?: string } {
  const relative = repoRelativePath(file, root, cwd);
  if (relative === undefined) return { uri: pathToFileURL(path.resolve(cwd, file)).href };
  return { uri: relative.split('/').map(encodeURIComponent).join('/'), uriBaseId: SRCROOT };
}

/** `run.artifacts[]`, built once; results refer to entries by index. */
export class ArtifactTable {
  readonly artifacts: Artifact[] = [];
  private readonly indexByFile = new Map<string, number>();

  constructor(
    private readonly root: string,
    private readonly cwd: string,
  ) {}

  /** The file's location with its artifact index, adding the artifact on first sight. */
  location(file: string, roles?: Artifact['roles']): ArtifactLocation {
    let index = this.indexByFile.get(file);
    if (index === undefined) {
      index = this.artifacts.length;
      this.indexByFile.set(file, index);
      this.artifacts.push({ location: fileLocation(file, this.root, this.cwd), ...(roles ? { roles } : {}) });
    }
    return { ...this.artifacts[index]!.location, index };
  }
}

/** Line/column regions for fix replacements, computed from the file text (one LineIndex per file). */
export class RegionFinder {
  private readonly indexes = new Map<string, LineIndex>();

  constructor(private readonly sources: ReadonlyMap<string, string>) {}

  /** A region for `[start, end)`; zero-width for an insertion point. */
  region(file: string, start: number, end: number): Region {
    const chars = { charOffset: start, charLength: end - start };
    const lines = this.lineIndex(file);
    // Without the text only the character offsets are known, which is still a complete region.
    if (!lines) return chars;
    const from = lines.position(start);
    const to = lines.position(end);
    return { startLine: from.line, startColumn: from.column, endLine: to.line, endColumn: to.column, ...chars };
  }

  private lineIndex(file: string): LineIndex | undefined {
    let index = this.indexes.get(file);
    if (!index) {
      const text = this.sources.get(file);
      if (text === undefined) return undefined;
      index = new LineIndex(text);
      this.indexes.set(file, index);
    }
    return index;
  }
}
