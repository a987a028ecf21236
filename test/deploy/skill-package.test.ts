import { expect } from 'chai';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSkillPackage, fileUris, REPO_ROOT } from '../../scripts/deploy/index.js';
import { buildOnce } from './support/built.js';
import { validateSmapi } from './support/smapi-schema.js';

const ARN = 'arn:aws:lambda:us-east-1:123456789012:function:ask-WeatherWardrobe-skill';

function readJson(path: string): Record<string, unknown> {
  return JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
}

function customApi(manifest: Record<string, unknown>): Record<string, unknown> {
  return (manifest['manifest'] as { apis: { custom: Record<string, unknown> } }).apis.custom;
}

function askStates(
  outputs: { OutputKey: string; OutputValue: string }[] | undefined,
  region = 'default',
) {
  return {
    askcliStatesVersion: '2020-03-31',
    profiles: {
      default: {
        skillId: 'amzn1.ask.skill.00000000-0000-4000-8000-000000000001',
        skillInfrastructure: {
          '@ask-cli/cfn-deployer': {
            deployState: {
              [region]: {
                stackId: 'arn:aws:cloudformation:us-east-1:123456789012:stack/ask-x/1',
                ...(outputs === undefined ? {} : { outputs }),
              },
            },
          },
        },
      },
    },
  };
}

describe('deploy: the skill package', function () {
  this.timeout(60_000);
  let dir: string;
  let scratch: string;

  before(async () => {
    dir = (await buildOnce()).skillPackageDir;
  });

  beforeEach(async () => {
    scratch = await mkdtemp(join(tmpdir(), 'wsiw-skill-package-'));
  });

  afterEach(async () => {
    await rm(scratch, { recursive: true, force: true });
  });

  it('has the layout the ASK CLI uploads: skill.json and interactionModels/custom/<locale>.json', () => {
    expect(readdirSync(dir).sort()).to.deep.equal(['assets', 'interactionModels', 'skill.json']);
    const locales = Object.keys(
      (
        readJson(join(dir, 'skill.json'))['manifest'] as {
          publishingInformation: { locales: object };
        }
      ).publishingInformation.locales,
    );
    expect(readdirSync(join(dir, 'interactionModels', 'custom')).sort()).to.deep.equal(
      locales.map((l) => `${l}.json`).sort(),
    );
  });

  it('holds every file the manifest names with file://', () => {
    const uris = fileUris(readJson(join(dir, 'skill.json')));
    expect(uris).to.include('assets/images/small-icon.png');
    for (const uri of uris) expect(existsSync(join(dir, uri)), uri).to.equal(true);
  });

  it('writes a skill.json that satisfies ask-smapi-model SkillManifestEnvelope', () => {
    expect(
      validateSmapi('v1.skill.Manifest.SkillManifestEnvelope', readJson(join(dir, 'skill.json'))),
    ).to.deep.equal([]);
  });

  it('writes interaction models that satisfy ask-smapi-model InteractionModelData', () => {
    for (const file of readdirSync(join(dir, 'interactionModels', 'custom'))) {
      const model = readJson(join(dir, 'interactionModels', 'custom', file));
      expect(
        validateSmapi('v1.skill.interactionModel.InteractionModelData', model),
        file,
      ).to.deep.equal([]);
    }
  });

  it('copies the models unchanged from models/', () => {
    for (const file of readdirSync(join(REPO_ROOT, 'models'))) {
      expect(readJson(join(dir, 'interactionModels', 'custom', file))).to.deep.equal(
        readJson(join(REPO_ROOT, 'models', file)),
      );
    }
  });

  it('the schema check catches a misspelt manifest key and a wrong type', () => {
    const manifest = readJson(join(REPO_ROOT, 'skill.json')) as {
      manifest: {
        privacyAndCompliance: Record<string, unknown>;
        publishingInformation: { locales: Record<string, Record<string, unknown>> };
      };
    };
    manifest.manifest.privacyAndCompliance['isChildDirected'] = 'no';
    const locale = manifest.manifest.publishingInformation.locales['en-US'] ?? {};
    locale['smallIconURI'] = locale['smallIconUri'];
    const errors = validateSmapi('v1.skill.Manifest.SkillManifestEnvelope', manifest);
    expect(errors.join('\n'))
      .to.include('isChildDirected: expected a boolean')
      .and.include('unknown property "smallIconURI"');
  });

  it('has no endpoint while there is no .ask/ask-states.json', async () => {
    const out = join(scratch, 'pkg');
    await buildSkillPackage({ outDir: out, askStatesPath: join(scratch, 'missing.json') });
    expect(customApi(readJson(join(out, 'skill.json')))).not.to.have.property('endpoint');
  });

  it('keeps the endpoint from the SkillEndpoint output recorded in ask-states.json', async () => {
    const states = join(scratch, 'ask-states.json');
    await writeFile(
      states,
      JSON.stringify(askStates([{ OutputKey: 'SkillEndpoint', OutputValue: ARN }])),
    );
    const out = join(scratch, 'pkg');
    const result = await buildSkillPackage({ outDir: out, askStatesPath: states });
    expect(customApi(readJson(join(out, 'skill.json')))['endpoint']).to.deep.equal({ uri: ARN });
    expect(result.endpoints).to.deep.equal({ default: ARN });
  });

  it('puts a regional endpoint under apis.custom.regions', async () => {
    const states = join(scratch, 'ask-states.json');
    await writeFile(
      states,
      JSON.stringify(askStates([{ OutputKey: 'SkillEndpoint', OutputValue: ARN }], 'EU')),
    );
    const out = join(scratch, 'pkg');
    await buildSkillPackage({ outDir: out, askStatesPath: states });
    expect(customApi(readJson(join(out, 'skill.json')))['regions']).to.deep.equal({
      EU: { endpoint: { uri: ARN } },
    });
  });

  it('keeps the endpoint the ASK CLI wrote into the previous package when ask-states.json has no outputs', async () => {
    const states = join(scratch, 'ask-states.json');
    await writeFile(states, JSON.stringify(askStates(undefined)));
    const out = join(scratch, 'pkg');
    await mkdir(out, { recursive: true });
    const previous = readJson(join(REPO_ROOT, 'skill.json'));
    customApi(previous)['endpoint'] = { uri: ARN };
    await writeFile(join(out, 'skill.json'), JSON.stringify(previous));
    await buildSkillPackage({ outDir: out, askStatesPath: states });
    expect(customApi(readJson(join(out, 'skill.json')))['endpoint']).to.deep.equal({ uri: ARN });
  });

  it('drops a stale endpoint once ask-states.json is gone (a fresh skill)', async () => {
    const out = join(scratch, 'pkg');
    await mkdir(out, { recursive: true });
    const previous = readJson(join(REPO_ROOT, 'skill.json'));
    customApi(previous)['endpoint'] = { uri: ARN };
    await writeFile(join(out, 'skill.json'), JSON.stringify(previous));
    await buildSkillPackage({ outDir: out, askStatesPath: join(scratch, 'missing.json') });
    expect(customApi(readJson(join(out, 'skill.json')))).not.to.have.property('endpoint');
  });
});
