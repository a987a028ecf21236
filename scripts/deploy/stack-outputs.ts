/**
 * Finds what the deploy needs after `ask deploy`: the skill id and the stack outputs
 * (`SkillEndpoint`, `ProxyUrl`). `@ask-cli/cfn-deployer` records the outputs in
 * `.ask/ask-states.json`; older ASK CLI versions record only the stack id, and then the outputs
 * come from `aws cloudformation describe-stacks`.
 */
import { StackOutputError, StepFailedError } from './errors.js';
import { outputsOf, PROXY_URL_OUTPUT, readProfileState, SKILL_ENDPOINT_OUTPUT } from './project.js';
import type { CommandRunner } from './runner.js';

/** What the deploy produced. */
export interface DeployedStack {
  /** The skill id. */
  readonly skillId: string;
  /** The skill function's ARN. */
  readonly skillEndpoint: string;
  /** The proxy's Function URL (https, ends with a slash). */
  readonly proxyUrl: string;
}

/** Options of {@link resolveDeployedStack}. */
export interface ResolveOptions {
  /** Path of `.ask/ask-states.json`. */
  readonly askStatesPath: string;
  /** The ASK CLI profile. */
  readonly profile: string;
  /** Runs `aws` when the outputs were not recorded. */
  readonly runner: CommandRunner;
}

/** The region of a CloudFormation stack ARN. */
function regionOfStack(stackId: string): string | undefined {
  return /^arn:aws[a-z-]*:cloudformation:([a-z0-9-]+):/.exec(stackId)?.[1];
}

async function describeOutputs(
  runner: CommandRunner,
  stackId: string,
): Promise<Record<string, string>> {
  const region = regionOfStack(stackId);
  const args = ['cloudformation', 'describe-stacks', '--stack-name', stackId];
  if (region !== undefined) args.push('--region', region);
  args.push('--query', 'Stacks[0].Outputs', '--output', 'json');
  const result = await runner('aws', args);
  if (result.exitCode !== 0) {
    throw new StepFailedError(
      'aws cloudformation describe-stacks',
      result.exitCode,
      result.stderr.trim(),
    );
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(result.stdout) as unknown;
  } catch {
    parsed = undefined;
  }
  return outputsOf(parsed);
}

/**
 * Resolves the deployed skill id and stack outputs for the `default` Alexa region. Throws
 * {@link StackOutputError} when ask-states.json records no skill or stack, or the stack has no
 * `SkillEndpoint` or an https `ProxyUrl`.
 */
export async function resolveDeployedStack(options: ResolveOptions): Promise<DeployedStack> {
  const state = await readProfileState(options.askStatesPath, options.profile);
  if (state?.skillId === undefined) {
    throw new StackOutputError(
      `${options.askStatesPath} records no skill id for ASK CLI profile "${options.profile}": did \`ask deploy\` finish?`,
    );
  }
  const deploy = state.regions['default'];
  let outputs = deploy?.outputs ?? {};
  if (outputs[PROXY_URL_OUTPUT] === undefined || outputs[SKILL_ENDPOINT_OUTPUT] === undefined) {
    if (deploy?.stackId === undefined) {
      throw new StackOutputError(
        `${options.askStatesPath} records no CloudFormation stack for profile "${options.profile}": did the infrastructure step of \`ask deploy\` run?`,
      );
    }
    outputs = { ...(await describeOutputs(options.runner, deploy.stackId)), ...outputs };
  }
  const proxyUrl = outputs[PROXY_URL_OUTPUT];
  const skillEndpoint = outputs[SKILL_ENDPOINT_OUTPUT];
  if (skillEndpoint === undefined) {
    throw new StackOutputError(`the stack has no ${SKILL_ENDPOINT_OUTPUT} output`);
  }
  if (
    proxyUrl === undefined ||
    !URL.canParse(proxyUrl) ||
    new URL(proxyUrl).protocol !== 'https:'
  ) {
    throw new StackOutputError(
      `the stack has no https ${PROXY_URL_OUTPUT} output (got ${JSON.stringify(proxyUrl)})`,
    );
  }
  return { skillId: state.skillId, skillEndpoint, proxyUrl };
}
