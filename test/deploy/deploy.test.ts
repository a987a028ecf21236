import { expect } from 'chai';
import { cp, mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError } from '../../common/index.js';
import {
  AskProfileError,
  REPO_ROOT,
  StackOutputError,
  StepFailedError,
  ToolMissingError,
  runDeploy,
  runDeployCli,
  type BuildStep,
} from '../../scripts/deploy/index.js';
import { expectRejection } from '../harness/assertions.js';
import { fakeRunner, type FakeHandler } from './support/fake-runner.js';
import { validateSmapi } from './support/smapi-schema.js';

const SECRET = 'alexa-client-secret-DO-NOT-PRINT-5e1f';
const SKILL_ID = 'amzn1.ask.skill.00000000-0000-4000-8000-000000000001';
const PROXY_URL = 'https://abcdefghijklmnop.lambda-url.us-east-1.on.aws/';
const SKILL_ARN = 'arn:aws:lambda:us-east-1:123456789012:function:skill';
const STACK_ID =
  'arn:aws:cloudformation:us-east-1:123456789012:stack/ask-WeatherWardrobe-default-skillStack-1/x';
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
    await runDeploy({ env: ENV, runner: runner.run, build, root, out: () => undefined });
    expect(runner.commandLines()).to.deep.equal([
      'ask --version',
      'ask smapi get-vendor-list --profile default',
      'ask deploy --profile default',
      `ask smapi update-account-linking-info --skill-id ${SKILL_ID} --stage development --account-linking-request file:${linking[0]?.path ?? ''} --profile default`,
    ]);
    expect(built).to.equal(1);
    expect(runner.calls[2]?.options).to.deep.equal({ inherit: true, cwd: root });
  });

  it('sends an account-linking request that satisfies ask-smapi-model, with the proxy as token URL', async () => {
    const linking: Linking[] = [];
    await runDeploy({ env: ENV, runner: working(linking).run, build, root, out: () => undefined });
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
    await runDeploy({ env: ENV, runner: working(linking).run, build, root, out: () => undefined });
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
    const error = await expectRejection(
      runDeploy({ env: ENV, runner: runner.run, build, root, out: () => undefined }),
      StepFailedError,
      'ERR_STEP_FAILED',
    );
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
      root,
      stdout: (t) => printed.push(t),
      stderr: (t) => printed.push(t),
    });
    expect(code).to.equal(0);
    expect(printed.join('')).not.to.include(SECRET);
    expect(printed.join('')).to.include(`npm run doctor -- ${PROXY_URL}`);
  });

  it('writes the stack parameters from the environment into ask-resources.json, and no secret', async () => {
    await runDeploy({ env: ENV, runner: working([]).run, build, root, out: () => undefined });
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
    await runDeploy({
      env: { ...ENV, ASK_PROFILE: 'work' },
      runner: runner.run,
      build,
      root,
      out: () => undefined,
    });
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
    const result = await runDeploy({
      env: ENV,
      runner: runner.run,
      build,
      root,
      out: () => undefined,
    });
    expect(result.proxyUrl).to.equal(PROXY_URL);
    expect(runner.commandLines('aws')[0]).to.include(`--stack-name ${STACK_ID} --region us-east-1`);
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
    await expectRejection(
      runDeploy({ env: ENV, runner: runner.run, build, root, out: () => undefined }),
      StackOutputError,
      'ERR_STACK_OUTPUT',
    );
    expect(runner.commandLines().some((l) => l.includes('update-account-linking-info'))).to.equal(
      false,
    );
  });

  it('stops after a failed ask deploy, before account linking', async () => {
    const runner = working([], { 'ask deploy': () => ({ exitCode: 1 }) });
    await expectRejection(
      runDeploy({ env: ENV, runner: runner.run, build, root, out: () => undefined }),
      StepFailedError,
      'ERR_STEP_FAILED',
    );
    expect(runner.commandLines().some((l) => l.includes('update-account-linking-info'))).to.equal(
      false,
    );
  });

  describe('refusals, before anything is built', () => {
    it('refuses when the ASK CLI is not installed, saying how to install it', async () => {
      const runner = fakeRunner({}, ['ask']);
      const printed: string[] = [];
      const code = await runDeployCli({
        argv: [],
        env: ENV,
        runner: runner.run,
        build,
        root,
        stdout: () => undefined,
        stderr: (t) => printed.push(t),
      });
      expect(code).to.equal(1);
      expect(printed.join('')).to.match(
        /^deploy: ask was not found on PATH: install the ASK CLI \(npm install -g ask-cli\)/,
      );
      expect(built).to.equal(0);
    });

    it('refuses an ASK CLI v1', async () => {
      const runner = fakeRunner({ 'ask --version': () => ({ stdout: '1.7.23' }) });
      const error = await expectRejection(
        runDeploy({ env: ENV, runner: runner.run, build, root, out: () => undefined }),
        ToolMissingError,
        'ERR_TOOL_MISSING',
      );
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
        runDeploy({
          env: { ...ENV, ASK_PROFILE: 'work' },
          runner: runner.run,
          build,
          root,
          out: () => undefined,
        }),
        AskProfileError,
        'ERR_ASK_PROFILE',
      );
      expect(error.message).to.include('ask configure --profile work');
      expect(built).to.equal(0);
    });

    it('refuses missing variables, naming every one, without running anything', async () => {
      const runner = fakeRunner();
      const error = await expectRejection(
        runDeploy({ env: {}, runner: runner.run, build, root, out: () => undefined }),
        ConfigError,
        'ERR_CONFIG',
      );
      expect(error.problems.map((p) => p.name)).to.have.members([
        'ISSUER_BASE_URL',
        'ALEXA_CLIENT_ID',
        'ALEXA_CLIENT_SECRET',
      ]);
      expect(runner.calls).to.have.length(0);
    });

    it('refuses an issuer, authorization URL and token URL on different hosts, without running anything', async () => {
      const runner = fakeRunner();
      const printed: string[] = [];
      const code = await runDeployCli({
        argv: [],
        env: { ...ENV, AUTHORIZATION_URL: 'https://login.example.com/authorize' },
        runner: runner.run,
        build,
        root,
        stdout: () => undefined,
        stderr: (t) => printed.push(t),
      });
      expect(code).to.equal(1);
      expect(printed.join('')).to.include('AUTHORIZATION_URL is on login.example.com');
      expect(runner.calls).to.have.length(0);
    });

    it('answers --help with the usage and exit 0, and an unknown argument with exit 2', async () => {
      const out: string[] = [];
      const runner = fakeRunner();
      const io = {
        env: ENV,
        runner: runner.run,
        build,
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
