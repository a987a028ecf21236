import { expect } from 'chai';
import nock from 'nock';
import { cp, mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { existsSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError } from '../../common/index.js';
import {
  AskCliBrokenError,
  AskProfileError,
  ProjectFileError,
  REPO_ROOT,
  StackOutputError,
  StepFailedError,
  ToolMissingError,
  runDeploy,
  runDeployCli,
  type BuildStep,
  type DeployOptions,
} from '../../scripts/deploy/index.js';
import { expectRejection } from '../harness/assertions.js';
import { SkillTestIssuer } from '../harness/tokens.js';
import { readShippedKeySet } from '../../lambda/auth/index.js';
import { fetchKeySetDocument, KeySetStepError } from '../../scripts/deploy/key-set.js';
import { fakeRunner, type FakeHandler, type FakeRunner } from './support/fake-runner.js';
import { validateSmapi } from './support/smapi-schema.js';

const SECRET = 'alexa-client-secret-DO-NOT-PRINT-5e1f';
const SKILL_ID = 'amzn1.ask.skill.00000000-0000-4000-8000-000000000001';
const PROXY_URL = 'https://abcdefghijklmnop.lambda-url.us-east-1.on.aws/';
const SKILL_ARN = 'arn:aws:lambda:us-east-1:123456789012:function:skill';
const STACK_ID =
  'arn:aws:cloudformation:us-east-1:123456789012:stack/ask-WeatherWardrobe-default-skillStack-1/x';
/**
 * What \`ask --version\` printed on stderr (exit 1) after \`npm install ask-cli@2.30.7\` resolved
 * antlr4ts to 0.5.0-dev, captured on 2026-12-02 (Node 20; the install folder renamed).
 */
const ANTLR4TS_CRASH_STDERR = readFileSync(
  new URL('./support/ask-cli-antlr4ts-crash.stderr.txt', import.meta.url),
  'utf8',
);

/** `aws lambda get-account-settings` output as the AWS CLI reference shows it, with `limit`. */
function accountSettings(total: number, unreserved: number): string {
  return JSON.stringify({
    AccountLimit: {
      TotalCodeSize: 80530636800,
      CodeSizeUnzipped: 262144000,
      CodeSizeZipped: 52428800,
      ConcurrentExecutions: total,
      UnreservedConcurrentExecutions: unreserved,
    },
    AccountUsage: { TotalCodeSize: 0, FunctionCount: 0 },
  });
}

/** The tenant's key set, as the deploy ships it (no network in tests). */
const keySet = () => Promise.resolve(new SkillTestIssuer(ENV.ISSUER_BASE_URL).jwks());

const ENV = {
  ISSUER_BASE_URL: 'https://tenant.example.auth0.com/',
  ALEXA_CLIENT_ID: 'alexaClient123',
  ALEXA_CLIENT_SECRET: SECRET,
};

interface Linking {
  mode: number;
  body: unknown;
  path: string;
}

describe('deploy: npm run deploy with a fake ask and aws', function () {
  this.timeout(20_000);
  let root: string;
  let built: number;
  const build: BuildStep = async ({ root: at }) => {
    built += 1;
    await mkdir(join(at, '.build', 'lambda'), { recursive: true });
    await mkdir(join(at, '.build', 'skill-package'), { recursive: true });
    await writeFile(join(at, '.build', 'lambda', 'index.js'), '');
    await writeFile(join(at, '.build', 'lambda', 'proxy.js'), '');
    await writeFile(join(at, '.build', 'lambda', 'weather-cache-dynamodb.js'), '');
    await writeFile(join(at, '.build', 'skill-package', 'skill.json'), '{}');
  };

  async function writeStates(outputs: boolean): Promise<void> {
    await mkdir(join(root, '.ask'), { recursive: true });
    await writeFile(
      join(root, '.ask', 'ask-states.json'),
      JSON.stringify({
        askcliStatesVersion: '2020-03-31',
        profiles: {
          default: {
            skillId: SKILL_ID,
            skillInfrastructure: {
              '@ask-cli/cfn-deployer': {
                deployState: {
                  default: {
                    stackId: STACK_ID,
                    ...(outputs
                      ? {
                          outputs: [
                            { OutputKey: 'SkillEndpoint', OutputValue: SKILL_ARN },
                            { OutputKey: 'ProxyUrl', OutputValue: PROXY_URL },
                          ],
                        }
                      : {}),
                  },
                },
              },
            },
          },
        },
      }),
    );
  }

  /** Handlers for a deploy that works; `linking` receives what the linking call saw. */
  function working(linking: Linking[], overrides: Record<string, FakeHandler> = {}) {
    return fakeRunner({
      'ask --version': () => ({ stdout: '2.30.7\n' }),
      'ask smapi get-vendor-list': () => ({ stdout: '{"vendors":[{"id":"M1"}]}' }),
      'aws lambda get-account-settings': () => ({ stdout: accountSettings(1000, 1000) }),
      'ask deploy': async () => {
        await writeStates(true);
        return {};
      },
      'ask smapi update-account-linking-info': async (args) => {
        const file = (args[args.indexOf('--account-linking-request') + 1] ?? '').replace(
          /^file:/,
          '',
        );
        linking.push({
          path: file,
          mode: (await stat(file)).mode & 0o777,
          body: JSON.parse(await readFile(file, 'utf8')) as unknown,
        });
        return { stdout: '' };
      },
      ...overrides,
    });
  }

  /**
   * runDeploy with this suite's defaults: ENV, the fake build and key set, the temporary root, and
   * no output; `options` replaces any of them.
   */
  const deploy = (runner: FakeRunner, options: Partial<DeployOptions> = {}) =>
    runDeploy({
      env: ENV,
      runner: runner.run,
      build,
      keySet,
      root,
      out: () => undefined,
      ...options,
    });

  beforeEach(async () => {
    built = 0;
    root = await mkdtemp(join(tmpdir(), 'wsiw-deploy-'));
    await cp(join(REPO_ROOT, 'ask-resources.json'), join(root, 'ask-resources.json'));
    await cp(join(REPO_ROOT, 'infrastructure'), join(root, 'infrastructure'), { recursive: true });
  });

  afterEach(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('checks the ASK CLI and the profile, builds, runs ask deploy, then sets account linking', async () => {
    const linking: Linking[] = [];
    const runner = working(linking);
    await deploy(runner);
    expect(runner.commandLines()).to.deep.equal([
      'ask --version',
      'ask smapi get-vendor-list --profile default',
      'aws lambda get-account-settings --region us-east-1 --output json',
      'ask deploy --profile default',
      `ask smapi update-account-linking-info --skill-id ${SKILL_ID} --stage development --account-linking-request file:${linking[0]?.path ?? ''} --profile default`,
    ]);
    expect(built).to.equal(1);
    expect(runner.calls[3]?.options).to.deep.equal({ inherit: true, cwd: root });
  });

  it("stops before ask deploy when the shared cache's table module is missing from the build", async () => {
    const runner = working([]);
    const incomplete: BuildStep = async (step) => {
      await build(step);
      await rm(join(step.root, '.build', 'lambda', 'weather-cache-dynamodb.js'));
    };

    const outcome = await deploy(runner, { build: incomplete }).catch((error: unknown) => error);

    expect(outcome).to.be.instanceOf(ProjectFileError);
    expect((outcome as Error).message).to.include('weather-cache-dynamodb.js');
    expect(runner.commandLines()).not.to.include('ask deploy --profile default');
  });

  it("ships the tenant's key set beside the skill's bundle, with the time it was fetched", async () => {
    const asked: string[] = [];
    const now = Date.UTC(2026, 11, 2, 12);
    await deploy(working([]), {
      keySet: (uri) => {
        asked.push(uri);
        return keySet();
      },
      now: () => now,
    });
    expect(asked).to.deep.equal(['https://tenant.example.auth0.com/.well-known/jwks.json']);
    const shipped = readShippedKeySet(join(root, '.build', 'lambda', 'jwks.json'), now);
    expect(shipped?.fetchedAt).to.equal(now);
    expect(shipped?.keys.map((k) => k.kid)).to.deep.equal(['key-1']);
  });

  it('fetches the key set by default as the skill does: usable keys only, no redirect followed', async () => {
    const issuer = new SkillTestIssuer(ENV.ISSUER_BASE_URL);
    const uri = issuer.jwksUri;
    nock(ENV.ISSUER_BASE_URL)
      .get('/.well-known/jwks.json')
      .reply(200, { keys: [...issuer.jwks().keys, { kty: 'EC', kid: 'ec' }] });
    const fetched = (await fetchKeySetDocument(uri)) as { keys: { kid?: string }[] };
    expect(fetched.keys.map((k) => k.kid)).to.deep.equal(['key-1']);
    nock(ENV.ISSUER_BASE_URL)
      .get('/.well-known/jwks.json')
      .reply(302, '', { location: 'https://elsewhere.example/jwks.json' });
    let failure: unknown;
    await fetchKeySetDocument(uri).catch((error: unknown) => (failure = error));
    expect((failure as Error).message).to.match(/HTTP 302/);
  });

  it("stops before ask deploy when the tenant's key set cannot be had", async () => {
    for (const source of [
      () => Promise.reject(new Error('getaddrinfo ENOTFOUND')),
      () => Promise.resolve({ keys: [{ kty: 'EC', crv: 'P-256' }] }),
    ]) {
      const runner = working([]);
      await expectRejection(deploy(runner, { keySet: source }), KeySetStepError, 'ERR_KEY_SET');
      expect(runner.commandLines()).to.not.include('ask deploy --profile default');
    }
  });

  it('sends an account-linking request that satisfies ask-smapi-model, with the proxy as token URL', async () => {
    const linking: Linking[] = [];
    await deploy(working(linking));
    const body = linking[0]?.body;
    expect(validateSmapi('v1.skill.accountLinking.AccountLinkingRequest', body)).to.deep.equal([]);
    expect((body as { accountLinkingRequest: unknown }).accountLinkingRequest).to.deep.equal({
      type: 'AUTH_CODE',
      authorizationUrl:
        'https://tenant.example.auth0.com/authorize?audience=https%3A%2F%2Fwhatshouldiwear',
      domains: [],
      clientId: 'alexaClient123',
      clientSecret: SECRET,
      scopes: ['openid', 'offline_access', 'read:whattowear'],
      accessTokenUrl: PROXY_URL,
      accessTokenScheme: 'HTTP_BASIC',
      defaultTokenExpirationInSeconds: 3600,
      skipOnEnablement: false,
    });
  });

  it('writes the request file with mode 0600 and deletes it afterwards', async () => {
    const linking: Linking[] = [];
    await deploy(working(linking));
    expect(linking[0]?.mode).to.equal(0o600);
    expect(existsSync(linking[0]?.path ?? '')).to.equal(false);
  });

  it('deletes the request file and masks the secret when account linking fails', async () => {
    const linking: Linking[] = [];
    const runner = working(linking, {
      'ask smapi update-account-linking-info': (args) => {
        const file = (args[args.indexOf('--account-linking-request') + 1] ?? '').replace(
          /^file:/,
          '',
        );
        linking.push({ path: file, mode: 0, body: undefined });
        return { exitCode: 1, stderr: `[Error]: 400 invalid clientSecret "${SECRET}"` };
      },
    });
    const error = await expectRejection(deploy(runner), StepFailedError, 'ERR_STEP_FAILED');
    expect(error.message).not.to.include(SECRET);
    expect(error.message).to.include('[masked]');
    expect(existsSync(linking[0]?.path ?? '')).to.equal(false);
  });

  it('never prints the client secret', async () => {
    const printed: string[] = [];
    const code = await runDeployCli({
      argv: [],
      env: ENV,
      runner: working([]).run,
      build,
      keySet,
      root,
      stdout: (t) => printed.push(t),
      stderr: (t) => printed.push(t),
    });
    expect(code).to.equal(0);
    expect(printed.join('')).not.to.include(SECRET);
    expect(printed.join('')).to.include(`npm run doctor -- ${PROXY_URL}`);
  });

  it('writes the stack parameters from the environment into ask-resources.json, and no secret', async () => {
    await deploy(working([]));
    const text = await readFile(join(root, 'ask-resources.json'), 'utf8');
    expect(text).not.to.include(SECRET);
    const parameters = (
      JSON.parse(text) as {
        profiles: {
          default: {
            skillInfrastructure: { userConfig: { cfn: { parameters: Record<string, string> } } };
          };
        };
      }
    ).profiles.default.skillInfrastructure.userConfig.cfn.parameters;
    expect(parameters).to.include({
      IssuerBaseUrl: 'https://tenant.example.auth0.com/',
      UpstreamTokenUrl: 'https://tenant.example.auth0.com/oauth/token',
      AllowedClientIds: 'alexaClient123',
      DefaultExpiresIn: '3600',
    });
  });

  it('adds a profile it does not know to ask-resources.json as a copy of default', async () => {
    const linking: Linking[] = [];
    const runner = working(linking, {
      'ask deploy': async () => {
        await writeStates(true);
        const states = JSON.parse(
          await readFile(join(root, '.ask', 'ask-states.json'), 'utf8'),
        ) as { profiles: Record<string, unknown> };
        states.profiles['work'] = states.profiles['default'];
        await writeFile(join(root, '.ask', 'ask-states.json'), JSON.stringify(states));
        return {};
      },
    });
    await deploy(runner, { env: { ...ENV, ASK_PROFILE: 'work' } });
    const resources = JSON.parse(await readFile(join(root, 'ask-resources.json'), 'utf8')) as {
      profiles: Record<string, unknown>;
    };
    expect(Object.keys(resources.profiles)).to.have.members(['default', 'work']);
    expect(runner.commandLines()).to.include('ask deploy --profile work');
  });

  it('reads the proxy URL with aws cloudformation describe-stacks when ask-states.json has no outputs', async () => {
    const runner = working([], {
      'ask deploy': async () => {
        await writeStates(false);
        return {};
      },
      'aws cloudformation describe-stacks': () => ({
        stdout: JSON.stringify([
          { OutputKey: 'SkillEndpoint', OutputValue: SKILL_ARN },
          { OutputKey: 'ProxyUrl', OutputValue: PROXY_URL },
        ]),
      }),
    });
    const result = await deploy(runner);
    expect(result.proxyUrl).to.equal(PROXY_URL);
    expect(runner.commandLines('aws')[1]).to.include(`--stack-name ${STACK_ID} --region us-east-1`);
  });

  it('stops with StackOutputError when the stack has no ProxyUrl output', async () => {
    const runner = working([], {
      'ask deploy': async () => {
        await writeStates(false);
        return {};
      },
      'aws cloudformation describe-stacks': () => ({
        stdout: JSON.stringify([{ OutputKey: 'SkillEndpoint', OutputValue: SKILL_ARN }]),
      }),
    });
    await expectRejection(deploy(runner), StackOutputError, 'ERR_STACK_OUTPUT');
    expect(runner.commandLines().some((l) => l.includes('update-account-linking-info'))).to.equal(
      false,
    );
  });

  it('stops after a failed ask deploy, before account linking', async () => {
    const runner = working([], { 'ask deploy': () => ({ exitCode: 1 }) });
    await expectRejection(deploy(runner), StepFailedError, 'ERR_STEP_FAILED');
    expect(runner.commandLines().some((l) => l.includes('update-account-linking-info'))).to.equal(
      false,
    );
  });

  describe("the proxy's reserved concurrency, from the account's Lambda quota", () => {
    async function deployWith(
      settings: FakeHandler | 'missing',
      env: Record<string, string> = {},
    ): Promise<{ reserved: string | undefined; lines: string[]; aws: string[] }> {
      const runner =
        settings === 'missing'
          ? fakeRunner(
              {
                'ask --version': () => ({ stdout: '2.30.7\n' }),
                'ask deploy': async () => {
                  await writeStates(true);
                  return {};
                },
              },
              ['aws'],
            )
          : working([], { 'aws lambda get-account-settings': settings });
      const lines: string[] = [];
      await deploy(runner, { env: { ...ENV, ...env }, out: (line) => lines.push(line) });
      const resources = JSON.parse(await readFile(join(root, 'ask-resources.json'), 'utf8')) as {
        profiles: Record<
          string,
          { skillInfrastructure: { userConfig: { cfn: { parameters: Record<string, string> } } } }
        >;
      };
      return {
        reserved:
          resources.profiles['default']?.skillInfrastructure.userConfig.cfn.parameters[
            'ProxyReservedConcurrency'
          ],
        lines: lines.filter((l) => l.includes('reserved concurrency')),
        aws: runner.commandLines('aws'),
      };
    }

    it('reserves 10 when the quota leaves Lambda its 100 unreserved', async () => {
      const run = await deployWith(() => ({ stdout: accountSettings(1000, 1000) }));
      expect(run.reserved).to.equal('10');
      expect(run.lines).to.deep.equal([
        'deploy: proxy reserved concurrency: 10 (account quota 1000, 990 left unreserved)',
      ]);
    });

    it('deploys without a reservation on a new account whose quota is 10 or 50, and says what that risks', async () => {
      for (const total of [10, 50, 109]) {
        const run = await deployWith(() => ({ stdout: accountSettings(total, total) }));
        expect(run.reserved, String(total)).to.equal('0');
        expect(run.lines[0]).to.include(`quota of ${total}`).and.include('a flood of calls');
        expect(run.lines[0]).to.include('Service Quotas');
      }
      // 110 unreserved can spare 10 and keep 100.
      expect((await deployWith(() => ({ stdout: accountSettings(110, 110) }))).reserved).to.equal(
        '10',
      );
    });

    it("counts other functions' reservations, and the proxy's own from the last deploy as free", async () => {
      // Another function holds 850 of 1000: 150 unreserved cannot spare 60 and keep 100.
      const env = { PROXY_RESERVED_CONCURRENCY: '60' };
      expect(
        (await deployWith(() => ({ stdout: accountSettings(1000, 150) }), env)).reserved,
      ).to.equal('0');
      // The last deploy reserved 60 and its stack exists: 100 unreserved plus those 60 can.
      await deployWith(() => ({ stdout: accountSettings(1000, 1000) }), env);
      const again = await deployWith(() => ({ stdout: accountSettings(1000, 100) }), env);
      expect(again.reserved).to.equal('60');
      expect(again.lines[0]).to.include('100 left unreserved');
    });

    it('deploys without one when the quota cannot be read (no AWS CLI, no rights, garbage)', async () => {
      const cases: (FakeHandler | 'missing')[] = [
        'missing',
        () => ({
          exitCode: 254,
          stderr:
            'An error occurred (AccessDeniedException) when calling the GetAccountSettings operation\nmore',
        }),
        () => ({ stdout: 'not json' }),
        () => ({
          stdout: JSON.stringify({
            AccountLimit: { ConcurrentExecutions: 10, UnreservedConcurrentExecutions: 20 },
          }),
        }),
        () => ({
          stdout: JSON.stringify({
            AccountLimit: { ConcurrentExecutions: '1000', UnreservedConcurrentExecutions: 1000 },
          }),
        }),
      ];
      for (const settings of cases) {
        const run = await deployWith(settings);
        expect(run.reserved).to.equal('0');
        expect(run.lines[0])
          .to.include('could not be read')
          .and.include('PROXY_RESERVED_CONCURRENCY=0');
      }
      const denied = await deployWith(cases[1] as FakeHandler);
      expect(denied.lines[0]).to.include('exited 254: An error occurred (AccessDeniedException)');
      expect(denied.lines[0]).not.to.include('more');
    });

    it('asks nothing of AWS with PROXY_RESERVED_CONCURRENCY=0', async () => {
      const run = await deployWith(() => ({ stdout: accountSettings(1000, 1000) }), {
        PROXY_RESERVED_CONCURRENCY: '0',
      });
      expect(run.reserved).to.equal('0');
      expect(run.aws).to.deep.equal([]);
      expect(run.lines[0]).to.include('off (PROXY_RESERVED_CONCURRENCY=0)');
    });

    it("reads the quota in the stack's region (DEPLOY_AWS_REGION, else ask-resources.json)", async () => {
      const run = await deployWith(() => ({ stdout: accountSettings(1000, 1000) }), {
        DEPLOY_AWS_REGION: 'eu-west-1',
      });
      expect(run.aws[0]).to.equal(
        'aws lambda get-account-settings --region eu-west-1 --output json',
      );
    });
  });

  describe('refusals, before anything is built', () => {
    /** Runs `npm run deploy` as the command line does; what it wrote to stderr, and its code. */
    async function refused(
      runner: FakeRunner,
      env: Record<string, string> = ENV,
    ): Promise<{ code: number; text: string }> {
      const printed: string[] = [];
      const code = await runDeployCli({
        argv: [],
        env,
        runner: runner.run,
        build,
        keySet,
        root,
        stdout: () => undefined,
        stderr: (t) => printed.push(t),
      });
      return { code, text: printed.join('') };
    }

    it('refuses when the ASK CLI is not installed, saying how to install it', async () => {
      const runner = fakeRunner({}, ['ask']);
      const { code, text } = await refused(runner);
      expect(code).to.equal(1);
      expect(text).to.match(
        /^deploy: ask was not found on PATH: install the ASK CLI \(mkdir -p ~\/\.ask-cli .* npm pkg set overrides\.antlr4ts=0\.5\.0-alpha\.4 && npm install ask-cli@2\.30\.7/,
      );
      expect(built).to.equal(0);
    });

    it('recognises an ASK CLI that crashes at startup (antlr4ts 0.5.0-dev) and prints the fix', async () => {
      const runner = fakeRunner({
        'ask --version': () => ({ exitCode: 1, stderr: ANTLR4TS_CRASH_STDERR }),
      });
      const { code, text } = await refused(runner);
      expect(code).to.equal(1);
      expect(text)
        .to.include('the ASK CLI crashes at startup')
        .and.include('antlr4ts resolved to 0.5.0-dev');
      expect(text).to.include('npm pkg set overrides.antlr4ts=0.5.0-alpha.4');
      expect(text).to.include('npm install ask-cli@2.30.7');
      expect(text.trim().split('\n')).to.have.length(1);
      expect(runner.commandLines()).to.deep.equal(['ask --version']);
      expect(built).to.equal(0);
      await expectRejection(deploy(runner), AskCliBrokenError, 'ERR_ASK_CLI_BROKEN');
    });

    it('does not take any failing ask --version for the antlr4ts crash', async () => {
      const runner = fakeRunner({
        'ask --version': () => ({ exitCode: 1, stderr: 'Error: EACCES: permission denied' }),
      });
      await expectRejection(deploy(runner), ToolMissingError, 'ERR_TOOL_MISSING');
    });

    it('refuses an ASK CLI v1', async () => {
      const runner = fakeRunner({ 'ask --version': () => ({ stdout: '1.7.23' }) });
      const error = await expectRejection(deploy(runner), ToolMissingError, 'ERR_TOOL_MISSING');
      expect(error.message).to.include('1.7.23');
      expect(built).to.equal(0);
    });

    it('refuses when the ASK CLI profile is missing or logged out, naming it', async () => {
      const runner = fakeRunner({
        'ask --version': () => ({ stdout: '2.30.7' }),
        'ask smapi get-vendor-list': () => ({
          exitCode: 1,
          stderr: 'Cannot resolve profile [work]',
        }),
      });
      const error = await expectRejection(
        deploy(runner, { env: { ...ENV, ASK_PROFILE: 'work' } }),
        AskProfileError,
        'ERR_ASK_PROFILE',
      );
      expect(error.message).to.include('ask configure --profile work');
      expect(built).to.equal(0);
    });

    it('refuses missing variables, naming every one, without running anything', async () => {
      const runner = fakeRunner();
      const error = await expectRejection(deploy(runner, { env: {} }), ConfigError, 'ERR_CONFIG');
      expect(error.problems.map((p) => p.name)).to.have.members([
        'ISSUER_BASE_URL',
        'ALEXA_CLIENT_ID',
        'ALEXA_CLIENT_SECRET',
      ]);
      expect(runner.calls).to.have.length(0);
    });

    it('refuses an issuer, authorization URL and token URL on different hosts, without running anything', async () => {
      const runner = fakeRunner();
      const { code, text } = await refused(runner, {
        ...ENV,
        AUTHORIZATION_URL: 'https://login.example.com/authorize',
      });
      expect(code).to.equal(1);
      expect(text).to.include('AUTHORIZATION_URL is on login.example.com');
      expect(runner.calls).to.have.length(0);
    });

    it('answers --help with the usage and exit 0, and an unknown argument with exit 2', async () => {
      const out: string[] = [];
      const runner = fakeRunner();
      const io = {
        env: ENV,
        runner: runner.run,
        build,
        keySet,
        root,
        stdout: (t: string) => out.push(t),
        stderr: (t: string) => out.push(t),
      };
      expect(await runDeployCli({ ...io, argv: ['--help'] })).to.equal(0);
      expect(out.join('')).to.include('Usage: npm run deploy');
      expect(await runDeployCli({ ...io, argv: ['--force'] })).to.equal(2);
      expect(runner.calls).to.have.length(0);
    });
  });
});
