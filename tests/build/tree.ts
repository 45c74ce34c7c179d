import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** Every file below a folder with a hash of its bytes, by relative path. */
export function treeHashes(root: string): Map<string, string> {
  const hashes = new Map<string, string>();
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const absolute = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(absolute);
      else
        hashes.set(
          path.relative(root, absolute),
          createHash('sha1').update(readFileSync(absolute)).digest('hex'),
        );
    }
  };
  walk(root);
  return hashes;
}

/** The files that differ between two trees, for a readable failure. */
export function treeDifferences(a: Map<string, string>, b: Map<string, string>): string[] {
  const differences: string[] = [];
  for (const [file, hash] of a) {
    if (!b.has(file)) differences.push(`only in first: ${file}`);
    else if (b.get(file) !== hash) differences.push(`differs: ${file}`);
  }
  for (const file of b.keys()) if (!a.has(file)) differences.push(`only in second: ${file}`);
  return differences.sort();
}
