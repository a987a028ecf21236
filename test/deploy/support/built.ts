/** Builds the Lambda bundles and the skill package once per test run, into a temporary folder. */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildLambdas } from '../../../scripts/build.js';
import { buildSkillPackage } from '../../../scripts/deploy/index.js';

/** Where the build went. */
export interface Built {
  readonly lambdaDir: string;
  readonly skillPackageDir: string;
}

let built: Promise<Built> | undefined;

/** The build, made at the first call (no ask-states: no endpoint). */
export function buildOnce(): Promise<Built> {
  built ??= (async () => {
    const root = await mkdtemp(join(tmpdir(), 'wsiw-deploy-build-'));
    const lambdaDir = join(root, 'lambda');
    const skillPackageDir = join(root, 'skill-package');
    await buildLambdas({ outDir: lambdaDir, report: () => undefined });
    await buildSkillPackage({
      outDir: skillPackageDir,
      askStatesPath: join(root, 'no-ask-states.json'),
    });
    return { lambdaDir, skillPackageDir };
  })();
  return built;
}
