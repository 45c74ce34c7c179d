import { watch } from 'node:fs';
import { createRequire } from 'node:module';
import { runBuild, type BuildOptions } from './build.ts';

interface DevServer {
  serve(port: number): Promise<void> | void;
  reload(event?: object): void;
}

const require = createRequire(import.meta.url);
const EleventyDevServer = require('@11ty/eleventy-dev-server') as {
  getServer(name: string, dir: string, options: object): DevServer;
};

/** How long the content must be quiet before a rebuild: an editor saves in bursts. */
const SETTLE_MS = 300;

/**
 * Builds, serves the output with live reload, and rebuilds whenever the content changes.
 * The build itself stays ours (not Eleventy's watch mode), so a rebuild sees new articles.
 */
export async function runServe(options: BuildOptions & { port: number }): Promise<void> {
  await runBuild(options);
  const server = EleventyDevServer.getServer('ephemeris', options.outDir, {
    pathPrefix: options.pathPrefix,
    port: options.port,
  });
  await server.serve(options.port);

  let timer: NodeJS.Timeout | undefined;
  let building = Promise.resolve();
  watch(options.contentDir, { recursive: true }, () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      building = building
        .then(() => runBuild(options))
        .then(() => server.reload())
        .catch((error: unknown) => console.error(`Rebuild failed: ${String(error)}`));
    }, SETTLE_MS);
  });
}
