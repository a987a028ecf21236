/**
 * `npm run deploy`, the steps: check the configuration and the tools, build, package, `ask deploy`,
 * then account linking with the proxy's URL from the stack outputs. Every outside program runs
 * through the injected {@link CommandRunner}; the build is injected too.
 */
import { access, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { applyAccountLinking, buildLinkingRequest, linkingValues } from './account-linking.js';
import { stackParameters, syncAskResources } from './ask-resources.js';
import { readDeployConfig, type DeployConfig } from './config.js';
import { planProxyReservation } from './concurrency.js';
import {
  AskCliBrokenError,
  AskProfileError,
  ProjectFileError,
  StepFailedError,
  ToolMissingError,
} from './errors.js';
import { assertSameHost } from './host-check.js';
import { fetchKeySetDocument, shipKeySet, type KeySetSource } from './key-set.js';
import { LAZY_MODULES } from '../build-lazy.js';
import { PROJECT_PATHS, REPO_ROOT } from './project.js';
import { ASK_CLI_INSTALL, installHint, type CommandRunner } from './runner.js';
import { resolveDeployedStack, type DeployedStack } from './stack-outputs.js';

/** Builds the bundles and the skill package for `profile` under `root`. */
export type BuildStep = (options: {
  readonly root: string;
  readonly profile: string;
}) => Promise<void>;

/** Options of {@link runDeploy}. */
export interface DeployOptions {
  /** The environment, `.env` included. */
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Runs `ask` and `aws`. */
  readonly runner: CommandRunner;
  /** The build (`npm run build`'s work). */
  readonly build: BuildStep;
  /** The project root. Default: the repository root. */
  readonly root?: string;
  /** Progress lines. */
  readonly out: (line: string) => void;
  /** Parent folder of the account-linking request's private folder. Default: the OS's. */
  readonly tmpDir?: string;
  /** Told the account-linking request file's path once written (tests check its mode). */
  readonly onLinkingFileWritten?: (path: string) => void;
  /** Where the tenant's key set is fetched from. Default: a GET of its URL. */
  readonly keySet?: KeySetSource;
  /** The clock, ms since the epoch (the shipped key set's fetch time). Default `Date.now`. */
  readonly now?: () => number;
}

/** What a deploy produced. */
export interface DeployResult extends DeployedStack {
  /** The configuration used. */
  readonly config: DeployConfig;
}

/** The oldest ASK CLI major version with `ask deploy` for ask-resources.json projects. */
const ASK_CLI_MAJOR = 2;

/**
 * The crash of an ASK CLI whose antlr4ts resolved to 0.5.0-dev (npm's `latest` of antlr4ts,
 * which `@alexa/acdl`'s `^0.5.0-alpha.4` accepts): every command dies at startup with this.
 */
const ANTLR4TS_CRASH =
  /Class extends value undefined|node_modules[\\/](?:antlr4ts[\\/])?src[\\/]tree[\\/]xpath/;

async function checkAskCli(runner: CommandRunner, profile: string): Promise<string> {
  const version = await runner('ask', ['--version']);
  if (version.exitCode !== 0 && ANTLR4TS_CRASH.test(`${version.stderr}\n${version.stdout}`)) {
    throw new AskCliBrokenError(
      `the ASK CLI crashes at startup ("Class extends value undefined"): its antlr4ts resolved to 0.5.0-dev. ` +
        `Reinstall it with the override that pins antlr4ts: ${ASK_CLI_INSTALL}`,
    );
  }
  const match = /(\d+)\.(\d+)\.(\d+)/.exec(version.stdout);
  if (version.exitCode !== 0 || match?.[1] === undefined) {
    throw new ToolMissingError('ask', `\`ask --version\` did not answer; ${installHint('ask')}`);
  }
  if (Number(match[1]) < ASK_CLI_MAJOR) {
    throw new ToolMissingError(
      'ask',
      `version ${match[0]} is too old (ask-resources.json needs v${ASK_CLI_MAJOR} or later): ${ASK_CLI_INSTALL}`,
    );
  }
  const vendors = await runner('ask', ['smapi', 'get-vendor-list', '--profile', profile]);
  if (vendors.exitCode !== 0) {
    throw new AskProfileError(
      `ASK CLI profile "${profile}" is not configured or its login has expired: run \`ask configure --profile ${profile}\` ` +
        '(link an AWS profile when it asks), or set ASK_PROFILE to the profile you use',
    );
  }
  return match[0];
}

async function assertExists(root: string, paths: readonly string[]): Promise<void> {
  for (const path of paths) {
    await access(join(root, path)).catch((error: unknown) => {
      throw new ProjectFileError(`${path} is missing after the build`, { cause: error });
    });
  }
}

async function assertTemplateParses(root: string): Promise<void> {
  const path = join(root, PROJECT_PATHS.stackTemplate);
  try {
    JSON.parse(await readFile(path, 'utf8'));
  } catch (error) {
    throw new ProjectFileError(`${PROJECT_PATHS.stackTemplate} is missing or not valid JSON`, {
      cause: error,
    });
  }
}

/**
 * Runs the deploy. Rejects with `ConfigError` (bad variables), `HostMismatchError`,
 * `ToolMissingError`, `AskProfileError`, `KeySetStepError`, `ProjectFileError`, `StepFailedError` or
 * `StackOutputError`, before anything is built when the checks fail.
 */
export async function runDeploy(options: DeployOptions): Promise<DeployResult> {
  const root = options.root ?? REPO_ROOT;
  const { out, runner } = options;
  const config = readDeployConfig(options.env);
  assertSameHost(config);
  const profile = config.askProfile;
  const version = await checkAskCli(runner, profile);
  out(`deploy: ASK CLI ${version}, profile "${profile}", issuer ${config.issuerBaseUrl}`);

  out('deploy: [1/5] build');
  await options.build({ root, profile });
  const shipped = await shipKeySet({
    issuerBaseUrl: config.issuerBaseUrl,
    root,
    source: options.keySet ?? fetchKeySetDocument,
    now: (options.now ?? Date.now)(),
  });
  out(`deploy: shipped the tenant's key set with the skill (kids ${shipped.kids.join(', ')})`);

  out('deploy: [2/5] package');
  await assertExists(root, [
    `${PROJECT_PATHS.lambdaDir}/index.js`,
    `${PROJECT_PATHS.lambdaDir}/proxy.js`,
    // Loaded by the skill when WEATHER_CACHE_TABLE is set, which the stack always sets.
    ...Object.keys(LAZY_MODULES).map((name) => `${PROJECT_PATHS.lambdaDir}/${name}.js`),
    `${PROJECT_PATHS.skillPackageDir}/skill.json`,
  ]);
  await assertTemplateParses(root);
  const reservation = await planProxyReservation({
    runner,
    requested: config.proxyReservedConcurrency,
    awsRegion: config.awsRegion,
    profile,
    askResourcesPath: join(root, PROJECT_PATHS.askResources),
    askStatesPath: join(root, PROJECT_PATHS.askStates),
  });
  out(`deploy: ${reservation.message}`);
  const changed = await syncAskResources({
    path: join(root, PROJECT_PATHS.askResources),
    profile,
    parameters: stackParameters(config, reservation.reserve),
    awsRegion: config.awsRegion,
  });
  if (changed)
    out(`deploy: wrote the stack parameters for profile "${profile}" into ask-resources.json`);

  out('deploy: [3/5] ask deploy (skill package, code, CloudFormation stack)');
  const deployed = await runner('ask', ['deploy', '--profile', profile], {
    inherit: true,
    cwd: root,
  });
  if (deployed.exitCode !== 0)
    throw new StepFailedError('ask deploy', deployed.exitCode, 'see its output above');

  out('deploy: [4/5] stack outputs');
  const stack = await resolveDeployedStack({
    askStatesPath: join(root, PROJECT_PATHS.askStates),
    profile,
    runner,
  });
  out(`deploy: skill ${stack.skillId}`);
  out(`deploy: skill endpoint ${stack.skillEndpoint}`);
  out(`deploy: token proxy ${stack.proxyUrl}`);

  out('deploy: [5/5] account linking');
  const request = await buildLinkingRequest(
    join(root, PROJECT_PATHS.accountLinkingTemplate),
    linkingValues(config, stack.proxyUrl),
  );
  await applyAccountLinking({
    runner,
    profile,
    skillId: stack.skillId,
    request,
    secrets: [config.alexaClientSecret],
    tmpDir: options.tmpDir,
    onFileWritten: options.onLinkingFileWritten,
  });
  out('deploy: account linking set (auth code grant, HTTP Basic, token URL = the proxy)');
  return { ...stack, config };
}

/** What to do after a deploy, printed at the end. */
export function nextSteps(result: DeployResult): string[] {
  return [
    '',
    'Next:',
    `  1. Check the token URL the way Alexa uses it (a dedicated test user; see docs/DEPLOY.md):`,
    `       npm run doctor -- ${result.proxyUrl}`,
    '  2. In the Alexa app (or alexa.amazon.com), open the skill under Your Skills > Dev, enable it',
    '     and link your account.',
    '  3. Enable testing in the developer console (Test tab: Development), then say:',
    '       "Alexa, open weather wardrobe"',
    '  4. Logs: CloudWatch log groups of the skill and proxy functions (see the stack resources).',
  ];
}
