/**
 * Modules the skill loads only when its configuration asks for them, each built as a file of its
 * own beside the bundles: the skill's dynamic `import()` of the module's source becomes a
 * `require` of that file at run time, so that an instance that never needs it never loads it.
 *
 * - `weather-cache-dynamodb.js`: the shared weather cache's table with the AWS SDK v3 DynamoDB
 *   client bundled in (the version the lockfile pins), loaded only when `WEATHER_CACHE_TABLE` is
 *   set. The Lambda runtime's own copy of the SDK is not used: its version changes under the
 *   deployment, and the local runs and tests would not load what ships.
 */
import type { Plugin } from 'esbuild';
import { resolve } from 'node:path';

/** Output name (without `.js`) -> source, relative to the repository root. */
export const LAZY_MODULES: Readonly<Record<string, string>> = {
  'weather-cache-dynamodb': 'lambda/weather/shared-cache/dynamodb-store.ts',
};

const SOURCES = new Map(
  Object.entries(LAZY_MODULES).map(([name, source]) => [
    resolve(source.replace(/\.ts$/, '')),
    `./${name}.js`,
  ]),
);

/** Makes each dynamic import of a {@link LAZY_MODULES} source an external require of its file. */
export const lazyModules: Plugin = {
  name: 'lazy-modules',
  setup(build) {
    build.onResolve({ filter: /\.js$/ }, (args) => {
      if (args.kind !== 'dynamic-import') return undefined;
      const target = SOURCES.get(resolve(args.resolveDir, args.path.replace(/\.js$/, '')));
      return target === undefined ? undefined : { path: target, external: true };
    });
  },
};
