/**
 * ask-resources.json, the ASK CLI v2 project file: checks that it points at what the build makes,
 * and writes the stack parameters from the environment into the profile's
 * `skillInfrastructure.userConfig.cfn.parameters` (the only way `@ask-cli/cfn-deployer` passes
 * parameters of one's own to the template). No secret is ever written there.
 */
import { writeFile } from 'node:fs/promises';
import type { DeployConfig } from './config.js';
import { ProjectFileError } from './errors.js';
import { CFN_DEPLOYER, isRecord, PROJECT_PATHS, readJsonFile } from './project.js';

/** The template parameters the deploy sets, by name, as strings (CloudFormation's own type). */
export function stackParameters(
  config: DeployConfig,
  proxyReservedConcurrency: number = config.proxyReservedConcurrency,
): Record<string, string> {
  return {
    IssuerBaseUrl: config.issuerBaseUrl,
    Audience: config.audience,
    RequiredScope: config.requiredScope,
    WeatherProvider: config.weatherProvider,
    OpenMeteoForecastUrl: config.openMeteoForecastUrl,
    OpenMeteoGeocodingUrl: config.openMeteoGeocodingUrl,
    WeatherTimeoutMs: String(config.weatherTimeoutMs),
    UpstreamTokenUrl: config.upstreamTokenUrl,
    AllowedClientIds: config.allowedClientIds.join(','),
    DefaultExpiresIn: String(config.defaultExpiresIn),
    UpstreamTimeoutMs: String(config.upstreamTimeoutMs),
    UpstreamProfile: config.upstreamProfile,
    LogLevel: config.logLevel,
    LogRetentionDays: String(config.logRetentionDays),
    ProxyReservedConcurrency: String(proxyReservedConcurrency),
  };
}

/** What one profile of ask-resources.json must say for this project. */
export const EXPECTED_PROFILE = {
  skillMetadataSrc: `./${PROJECT_PATHS.skillPackageDir}`,
  codeSrc: `./${PROJECT_PATHS.lambdaDir}`,
  deployer: CFN_DEPLOYER,
  templatePath: `./${PROJECT_PATHS.stackTemplate}`,
  runtime: 'nodejs24.x',
  handler: 'index.handler',
} as const;

function at(value: unknown, ...path: string[]): unknown {
  let current = value;
  for (const key of path) current = isRecord(current) ? current[key] : undefined;
  return current;
}

/** Throws {@link ProjectFileError} unless `profile` points at the build's output and template. */
export function assertProjectProfile(resources: unknown, profile: string): void {
  const entry = at(resources, 'profiles', profile);
  const expect = (actual: unknown, wanted: string, field: string): void => {
    if (actual !== wanted) {
      throw new ProjectFileError(
        `ask-resources.json: profiles.${profile}.${field} must be "${wanted}" (got ${JSON.stringify(actual)})`,
      );
    }
  };
  expect(at(entry, 'skillMetadata', 'src'), EXPECTED_PROFILE.skillMetadataSrc, 'skillMetadata.src');
  expect(at(entry, 'code', 'default', 'src'), EXPECTED_PROFILE.codeSrc, 'code.default.src');
  expect(
    at(entry, 'skillInfrastructure', 'type'),
    EXPECTED_PROFILE.deployer,
    'skillInfrastructure.type',
  );
  const user = at(entry, 'skillInfrastructure', 'userConfig');
  expect(
    at(user, 'templatePath'),
    EXPECTED_PROFILE.templatePath,
    'skillInfrastructure.userConfig.templatePath',
  );
  expect(at(user, 'runtime'), EXPECTED_PROFILE.runtime, 'skillInfrastructure.userConfig.runtime');
  expect(at(user, 'handler'), EXPECTED_PROFILE.handler, 'skillInfrastructure.userConfig.handler');
}

/** Options of {@link syncAskResources}. */
export interface SyncOptions {
  /** Path of ask-resources.json. */
  readonly path: string;
  /** The ASK CLI profile; a profile the file lacks is added as a copy of `default`. */
  readonly profile: string;
  /** The template parameters to write. */
  readonly parameters: Readonly<Record<string, string>>;
  /** The AWS region to write into `userConfig.awsRegion`, when given. */
  readonly awsRegion?: string | undefined;
}

/**
 * Writes `parameters` (and `awsRegion`) into the profile's userConfig, after checking that the
 * profile points at the build's output. Resolves to true when the file changed.
 */
export async function syncAskResources(options: SyncOptions): Promise<boolean> {
  const resources = await readJsonFile(options.path);
  if (!isRecord(resources) || !isRecord(resources['profiles'])) {
    throw new ProjectFileError(`${options.path} is missing or has no "profiles" object`);
  }
  const profiles = resources['profiles'];
  if (!isRecord(profiles[options.profile])) {
    if (!isRecord(profiles['default'])) {
      throw new ProjectFileError(
        `${options.path} has neither profile "${options.profile}" nor "default"`,
      );
    }
    profiles[options.profile] = structuredClone(profiles['default']);
  }
  assertProjectProfile(resources, options.profile);
  const before = JSON.stringify(resources);
  const userConfig = at(profiles, options.profile, 'skillInfrastructure', 'userConfig') as Record<
    string,
    unknown
  >;
  const cfn = isRecord(userConfig['cfn']) ? userConfig['cfn'] : {};
  cfn['parameters'] = { ...options.parameters };
  userConfig['cfn'] = cfn;
  if (options.awsRegion !== undefined) userConfig['awsRegion'] = options.awsRegion;
  if (JSON.stringify(resources) === before) return false;
  await writeFile(options.path, `${JSON.stringify(resources, null, 2)}\n`);
  return true;
}

/** What a profile of ask-resources.json holds from the last deploy. */
export interface ProfileUserConfig {
  /** `userConfig.awsRegion`, when set. */
  readonly awsRegion: string | undefined;
  /** `userConfig.cfn.parameters`: the stack parameters the last deploy wrote. */
  readonly parameters: Readonly<Record<string, string>>;
}

/** Reads `profile`'s userConfig (or `default`'s, which a new profile copies); empty when absent. */
export async function readProfileUserConfig(
  path: string,
  profile: string,
): Promise<ProfileUserConfig> {
  const resources = await readJsonFile(path);
  const profiles = at(resources, 'profiles');
  const name = isRecord(profiles) && isRecord(profiles[profile]) ? profile : 'default';
  const user = at(profiles, name, 'skillInfrastructure', 'userConfig');
  const region = at(user, 'awsRegion');
  const parameters: Record<string, string> = {};
  const written = at(user, 'cfn', 'parameters');
  if (isRecord(written)) {
    for (const [key, value] of Object.entries(written))
      if (typeof value === 'string') parameters[key] = value;
  }
  return { awsRegion: typeof region === 'string' ? region : undefined, parameters };
}
