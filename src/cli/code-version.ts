import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** Everything whose change can change a built page: our code, layouts, shipped tables, deps. */
const SOURCES = ['src', 'layouts', 'content/topics.yaml', 'package-lock.json', '.eleventy.ts'];

function* filesUnder(entry: string): Generator<string> {
  const absolute = path.join(ROOT, entry);
  let names: string[];
  try {
    names = readdirSync(absolute).sort();
  } catch {
    yield entry;
    return;
  }
  for (const name of names) yield* filesUnder(path.join(entry, name));
}

let version: string | undefined;

/**
 * A hash of the program itself. Incremental builds reuse nothing from a build made by other
 * code: after an upgrade or an edit to a layout, every page is rendered again.
 */
export function codeVersion(): string {
  if (version === undefined) {
    const hash = createHash('sha1');
    for (const source of SOURCES) {
      for (const file of filesUnder(source)) {
        try {
          hash
            .update(file)
            .update('\0')
            .update(readFileSync(path.join(ROOT, file)))
            .update('\0');
        } catch {
          // Not shipped (e.g. no lock file in an installed package): nothing to hash.
        }
      }
    }
    version = hash.digest('base64url');
  }
  return version;
}
