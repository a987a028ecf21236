/**
 * The `npm run deploy` command line: parses arguments, runs the deploy, prints progress on
 * stdout and a failure as one line on stderr with a non-zero exit.
 */
import { ConfigError } from '../../common/index.js';
import { runDeploy, nextSteps, type DeployOptions } from './deploy.js';
import { DeployError } from './errors.js';

/** `--help`. */
export const DEPLOY_USAGE = `Usage: npm run deploy [-- --help]

Builds, packages and deploys the skill and the token proxy with the ASK CLI
(@ask-cli/cfn-deployer, CloudFormation), then sets account linking with
\`ask smapi update-account-linking-info\`, the proxy's URL as access token URL.

Reads the environment and the .env file at the repository root (the environment wins):
  ISSUER_BASE_URL        the Auth0 tenant, https://<tenant>/ (required)
  ALEXA_CLIENT_ID        the Auth0 application for Alexa (required)
  ALEXA_CLIENT_SECRET    its secret (required; written only to a 0600 file, then deleted)
  AUTHORIZATION_URL      default <issuer>authorize
  UPSTREAM_TOKEN_URL     default <issuer>oauth/token
  ALLOWED_CLIENT_IDS     default ALEXA_CLIENT_ID
  AUDIENCE, REQUIRED_SCOPE, DEFAULT_EXPIRES_IN, UPSTREAM_TIMEOUT_MS, UPSTREAM_PROFILE (standard),
  WEATHER_PROVIDER,
  OPEN_METEO_FORECAST_URL, OPEN_METEO_GEOCODING_URL, WEATHER_TIMEOUT_MS, LOG_LEVEL,
  LOG_RETENTION_DAYS (30), PROXY_RESERVED_CONCURRENCY (10, reserved only when the
  account's Lambda quota allows; 0 for none),
  ASK_PROFILE (else ASK_DEFAULT_PROFILE, else default), DEPLOY_AWS_REGION

Needs the ASK CLI v2 (2.30.7 with antlr4ts pinned, see docs/DEPLOY.md), a profile from \`ask configure\` linked to
an AWS profile. See docs/DEPLOY.md.
`;

/** Input and output of {@link runDeployCli}. */
export interface DeployCliIo extends Omit<DeployOptions, 'out'> {
  /** Arguments after `--`. */
  readonly argv: readonly string[];
  /** Standard output. */
  readonly stdout: (text: string) => void;
  /** Standard error. */
  readonly stderr: (text: string) => void;
}

/** Runs `npm run deploy`; resolves to the exit code (0 done, 1 failed, 2 bad arguments). */
export async function runDeployCli(io: DeployCliIo): Promise<number> {
  if (io.argv.includes('--help') || io.argv.includes('-h')) {
    io.stdout(DEPLOY_USAGE);
    return 0;
  }
  if (io.argv.length > 0) {
    io.stderr(`deploy: unknown argument "${io.argv[0] ?? ''}" (see --help)\n`);
    return 2;
  }
  try {
    const result = await runDeploy({
      ...io,
      out: (line) => {
        io.stdout(`${line}\n`);
      },
    });
    io.stdout(`${nextSteps(result).join('\n')}\n`);
    return 0;
  } catch (error) {
    if (error instanceof ConfigError || error instanceof DeployError) {
      io.stderr(`deploy: ${error.message}\n`);
    } else {
      io.stderr(
        `deploy: unexpected failure: ${error instanceof Error ? error.message : String(error)}\n`,
      );
    }
    return 1;
  }
}
