import { fileURLToPath } from 'node:url';

/** The project's Eleventy config, wherever ephemeris is installed. */
export const ELEVENTY_CONFIG = fileURLToPath(new URL('../../.eleventy.ts', import.meta.url));

export interface RenderOptions {
  contentDir: string;
  outDir: string;
  pathPrefix: string;
}

/** Runs Eleventy over a prepared archive and returns how many files it wrote. */
export async function renderSite({
  contentDir,
  outDir,
  pathPrefix,
}: RenderOptions): Promise<number> {
  // Loaded when first needed: a build that finds nothing changed never starts Eleventy.
  const { default: Eleventy } = await import('@11ty/eleventy');
  const eleventy = new Eleventy(contentDir, outDir, {
    configPath: ELEVENTY_CONFIG,
    pathPrefix,
    quietMode: true,
  });
  const results = (await eleventy.write()) as unknown[];
  return results.flat(Infinity).length;
}
