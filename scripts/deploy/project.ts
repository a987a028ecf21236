/**
 * The ASK CLI project on disk: where things live, and what the ASK CLI recorded in
 * `.ask/ask-states.json` (the skill id, and per Alexa region the stack id and, with
 * `@ask-cli/cfn-deployer`, the stack's outputs).
 */
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ProjectFileError } from './errors.js';
import { isRecord } from '../../common/json.js';

/** The repository root. */
export const REPO_ROOT = resolve(fileURLToPath(import.meta.url), '../../..');

/** Project paths, relative to the root. */
export const PROJECT_PATHS = {
  /** The Lambda bundles (`index.js`, `proxy.js`): the ASK CLI's code `src`. */
  lambdaDir: '.build/lambda',
  /** The generated skill package: the ASK CLI's `skillMetadata.src`. */
  skillPackageDir: '.build/skill-package',
  /** The ASK CLI v2 project file. */
  askResources: 'ask-resources.json',
  /** What the ASK CLI records between deploys. */
  askStates: '.ask/ask-states.json',
  /** The CloudFormation template `@ask-cli/cfn-deployer` deploys. */
  stackTemplate: 'infrastructure/skill-stack.json',
  /** The account-linking request, with placeholders. */
  accountLinkingTemplate: 'infrastructure/account-linking.template.json',
} as const;

/** The deployer this project uses, as named in ask-resources.json and ask-states.json. */
export const CFN_DEPLOYER = '@ask-cli/cfn-deployer';

/** The stack output that holds the skill function's ARN (the name cfn-deployer looks for). */
export const SKILL_ENDPOINT_OUTPUT = 'SkillEndpoint';

/** The stack output that holds the proxy's Function URL. */
export const PROXY_URL_OUTPUT = 'ProxyUrl';

/** One Alexa region's deployment, as recorded. */
export interface RegionDeployState {
  /** The CloudFormation stack id, when a stack was created. */
  readonly stackId: string | undefined;
  /** The stack outputs by key, when the ASK CLI recorded them. */
  readonly outputs: Readonly<Record<string, string>>;
}

/** What ask-states.json says about one ASK CLI profile. */
export interface ProfileState {
  /** The skill id, once the skill exists. */
  readonly skillId: string | undefined;
  /** Deploy states by Alexa region (`default`, `NA`, `EU`, `FE`). */
  readonly regions: Readonly<Record<string, RegionDeployState>>;
}

export { isRecord };

/** Reads and parses a JSON file; `undefined` when it does not exist. */
export async function readJsonFile(path: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new ProjectFileError(`${path} is not valid JSON`, { cause: error });
  }
}

/** A CloudFormation outputs list as `OutputKey` → `OutputValue` pairs; other entries skipped. */
export function outputsOf(value: unknown): Record<string, string> {
  const outputs: Record<string, string> = {};
  if (!Array.isArray(value)) return outputs;
  for (const entry of value as unknown[]) {
    if (
      isRecord(entry) &&
      typeof entry['OutputKey'] === 'string' &&
      typeof entry['OutputValue'] === 'string'
    ) {
      outputs[entry['OutputKey']] = entry['OutputValue'];
    }
  }
  return outputs;
}

/**
 * Reads what ask-states.json records for `profile`; `undefined` when the file does not exist (no
 * deploy yet) or names no such profile. Throws {@link ProjectFileError} when it is malformed.
 */
export async function readProfileState(
  askStatesPath: string,
  profile: string,
): Promise<ProfileState | undefined> {
  const states = await readJsonFile(askStatesPath);
  if (states === undefined) return undefined;
  if (!isRecord(states) || !isRecord(states['profiles'])) {
    throw new ProjectFileError(`${askStatesPath} has no "profiles" object`);
  }
  const entry = states['profiles'][profile];
  if (!isRecord(entry)) return undefined;
  const skillId =
    typeof entry['skillId'] === 'string' && entry['skillId'] !== '' ? entry['skillId'] : undefined;
  const infrastructure = isRecord(entry['skillInfrastructure']) ? entry['skillInfrastructure'] : {};
  const deployer = isRecord(infrastructure[CFN_DEPLOYER]) ? infrastructure[CFN_DEPLOYER] : {};
  const deployState = isRecord(deployer['deployState']) ? deployer['deployState'] : {};
  const regions: Record<string, RegionDeployState> = {};
  for (const [region, state] of Object.entries(deployState)) {
    if (!isRecord(state)) continue;
    regions[region] = {
      stackId: typeof state['stackId'] === 'string' ? state['stackId'] : undefined,
      outputs: outputsOf(state['outputs']),
    };
  }
  return { skillId, regions };
}

/** The absolute path of a project path under `root`. */
export function projectPath(root: string, path: string): string {
  return join(root, path);
}
