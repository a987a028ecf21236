import { expect } from 'chai';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_PATHS, REPO_ROOT, assertProjectProfile } from '../../scripts/deploy/index.js';

interface Profile {
  skillMetadata: { src: string };
  code: Record<string, { src: string }>;
  skillInfrastructure: {
    type: string;
    userConfig: {
      runtime: string;
      handler: string;
      templatePath: string;
      awsRegion: string;
      cfn: { parameters: Record<string, unknown> };
    };
  };
}

const resources = JSON.parse(readFileSync(join(REPO_ROOT, 'ask-resources.json'), 'utf8')) as {
  askcliResourcesVersion: string;
  profiles: Record<string, Profile>;
};
const template = JSON.parse(readFileSync(join(REPO_ROOT, PROJECT_PATHS.stackTemplate), 'utf8')) as {
  Parameters: Record<string, unknown>;
};
const profile = resources.profiles['default'] as Profile;

/** Parameters @ask-cli/cfn-deployer sets itself and refuses in cfn.parameters. */
const RESERVED = [
  'SkillId',
  'SkillClientId',
  'SkillClientSecret',
  'LambdaRuntime',
  'LambdaHandler',
  'CodeBucket',
  'CodeKey',
  'CodeVersion',
];

describe('deploy: ask-resources.json', () => {
  it('is an ASK CLI v2 project file (askcliResourcesVersion 2020-03-31) with a default profile', () => {
    expect(resources.askcliResourcesVersion).to.equal('2020-03-31');
    expect(profile).to.be.an('object');
  });

  it('points skillMetadata.src and code.default.src at the folders the build writes', () => {
    expect(profile.skillMetadata.src).to.equal(`./${PROJECT_PATHS.skillPackageDir}`);
    expect(profile.code['default']?.src).to.equal(`./${PROJECT_PATHS.lambdaDir}`);
    expect(() => {
      assertProjectProfile(resources, 'default');
    }).not.to.throw();
  });

  it('uses @ask-cli/cfn-deployer with nodejs24.x, index.handler and the template in infrastructure/', () => {
    expect(profile.skillInfrastructure.type).to.equal('@ask-cli/cfn-deployer');
    const user = profile.skillInfrastructure.userConfig;
    expect(user.runtime).to.equal('nodejs24.x');
    expect(user.handler).to.equal('index.handler');
    expect(existsSync(join(REPO_ROOT, user.templatePath))).to.equal(true);
    expect(user.awsRegion).to.match(/^[a-z]{2}-[a-z]+-\d$/);
  });

  it('passes only string parameters that the template declares and the deployer does not reserve', () => {
    const parameters = profile.skillInfrastructure.userConfig.cfn.parameters;
    for (const [name, value] of Object.entries(parameters)) {
      expect(template.Parameters, name).to.have.property(name);
      expect(RESERVED, name).not.to.include(name);
      expect(value, name).to.be.a('string');
    }
  });
});
