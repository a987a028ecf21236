/**
 * Account linking: the request body built from `infrastructure/account-linking.template.json`,
 * and its application with `ask smapi update-account-linking-info`. The body holds the client
 * secret, so it goes to a file created with mode 0600 in a private temporary folder, deleted
 * afterwards whatever happens, and its content is never printed (the ASK CLI's own output is
 * printed only with the secret masked).
 */
import { redactSecrets } from '../../common/index.js';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { v1 } from 'ask-smapi-model';
import type { DeployConfig } from './config.js';
import { ProjectFileError, StepFailedError } from './errors.js';
import { isRecord } from './project.js';
import type { CommandRunner } from './runner.js';

/** The placeholders the template may use. */
export interface LinkingValues {
  /** The authorization URL with `audience` in its query. */
  readonly AUTHORIZATION_URL: string;
  /** The proxy's Function URL: Alexa's access token URL. */
  readonly PROXY_URL: string;
  /** The Auth0 application for Alexa. */
  readonly ALEXA_CLIENT_ID: string;
  /** Its secret. */
  readonly ALEXA_CLIENT_SECRET: string;
  /** The API's scope. */
  readonly REQUIRED_SCOPE: string;
  /** Seconds, used by Alexa when a token answer has no `expires_in`. */
  readonly DEFAULT_EXPIRES_IN: number;
}

const PLACEHOLDER = /\{\{([A-Z_]+)\}\}/g;
const WHOLE = /^\{\{([A-Z_]+)\}\}$/;

/**
 * Replaces `{{NAME}}` placeholders in every string of `template`: a string that is one
 * placeholder takes the value's own type (a number stays a number). Throws
 * {@link ProjectFileError} for a placeholder it has no value for.
 */
export function renderTemplate(
  template: unknown,
  values: Readonly<Record<string, string | number>>,
): unknown {
  const lookup = (name: string): string | number => {
    const value = values[name];
    if (value === undefined)
      throw new ProjectFileError(`the template uses {{${name}}}, which has no value`);
    return value;
  };
  if (typeof template === 'string') {
    const whole = WHOLE.exec(template);
    if (whole?.[1] !== undefined) return lookup(whole[1]);
    return template.replace(PLACEHOLDER, (_, name: string) => String(lookup(name)));
  }
  if (Array.isArray(template)) return template.map((item) => renderTemplate(item, values));
  if (isRecord(template)) {
    return Object.fromEntries(
      Object.entries(template).map(([key, value]) => [key, renderTemplate(value, values)]),
    );
  }
  return template;
}

/** The values for the template, from the configuration and the proxy's URL. */
export function linkingValues(config: DeployConfig, proxyUrl: string): LinkingValues {
  const authorization = new URL(config.authorizationUrl);
  authorization.searchParams.set('audience', config.audience);
  return {
    AUTHORIZATION_URL: authorization.href,
    PROXY_URL: proxyUrl,
    ALEXA_CLIENT_ID: config.alexaClientId,
    ALEXA_CLIENT_SECRET: config.alexaClientSecret,
    REQUIRED_SCOPE: config.requiredScope,
    DEFAULT_EXPIRES_IN: config.defaultExpiresIn,
  };
}

/** Reads the template file and renders it; checks the result has the SMAPI request's shape. */
export async function buildLinkingRequest(
  templatePath: string,
  values: LinkingValues,
): Promise<v1.skill.accountLinking.AccountLinkingRequest> {
  let template: unknown;
  try {
    template = JSON.parse(await readFile(templatePath, 'utf8')) as unknown;
  } catch (error) {
    throw new ProjectFileError(`${templatePath} is missing or not valid JSON`, { cause: error });
  }
  const rendered = renderTemplate(template, { ...values });
  if (!isRecord(rendered) || !isRecord(rendered['accountLinkingRequest'])) {
    throw new ProjectFileError(`${templatePath} must hold an "accountLinkingRequest" object`);
  }
  return rendered;
}

/** Options of {@link applyAccountLinking}. */
export interface ApplyLinkingOptions {
  /** Runs `ask`. */
  readonly runner: CommandRunner;
  /** The ASK CLI profile. */
  readonly profile: string;
  /** The skill to configure. */
  readonly skillId: string;
  /** The request body. */
  readonly request: v1.skill.accountLinking.AccountLinkingRequest;
  /** Strings masked in anything printed (the client secret). */
  readonly secrets: readonly string[];
  /** Parent of the private temporary folder. Default: the OS's temporary folder. */
  readonly tmpDir?: string;
  /** Told the request file's path once written (tests check its mode). */
  readonly onFileWritten?: (path: string) => void;
}

/** Masks every whole occurrence of each secret in `text` (see common/redact.ts). */
export function mask(text: string, secrets: readonly string[]): string {
  return redactSecrets(text, secrets, '[masked]');
}

/**
 * Applies account linking to the skill's development stage with
 * `ask smapi update-account-linking-info`. Throws {@link StepFailedError} (with the ASK CLI's
 * output, secret masked) when it fails; the request file is gone either way.
 */
export async function applyAccountLinking(options: ApplyLinkingOptions): Promise<void> {
  const folder = await mkdtemp(join(options.tmpDir ?? tmpdir(), 'wsiw-linking-'));
  try {
    const file = join(folder, 'account-linking.json');
    await writeFile(file, JSON.stringify(options.request), { mode: 0o600, flag: 'wx' });
    options.onFileWritten?.(file);
    const result = await options.runner('ask', [
      'smapi',
      'update-account-linking-info',
      '--skill-id',
      options.skillId,
      '--stage',
      'development',
      '--account-linking-request',
      `file:${file}`,
      '--profile',
      options.profile,
    ]);
    if (result.exitCode !== 0) {
      const detail = mask(`${result.stderr}${result.stdout}`.trim(), options.secrets);
      throw new StepFailedError('ask smapi update-account-linking-info', result.exitCode, detail);
    }
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}
