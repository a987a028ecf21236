import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  PROJECT_PATHS,
  REPO_ROOT,
  stackParameters,
  readDeployConfig,
} from '../../scripts/deploy/index.js';

type Json = Record<string, unknown>;
interface Resource {
  Type: string;
  Properties: Json;
}
interface Template {
  AWSTemplateFormatVersion: string;
  Parameters: Record<string, Json>;
  Resources: Record<string, Resource>;
  Outputs: Record<string, { Value: unknown }>;
}

const text = readFileSync(join(REPO_ROOT, PROJECT_PATHS.stackTemplate), 'utf8');
const template = JSON.parse(text) as Template;
const resources = template.Resources;

function resource(name: string): Resource {
  const found = resources[name];
  if (found === undefined) expect.fail(`no resource ${name}`);
  return found;
}

function ofType(type: string): [string, Resource][] {
  return Object.entries(resources).filter(([, r]) => r.Type === type);
}

/** Every Ref and Fn::GetAtt target in a template fragment. */
function references(value: unknown): { refs: string[]; getAtts: string[] } {
  const refs: string[] = [];
  const getAtts: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (typeof node === 'object' && node !== null) {
      for (const [key, inner] of Object.entries(node)) {
        if (key === 'Ref' && typeof inner === 'string') refs.push(inner);
        else if (key === 'Fn::GetAtt' && Array.isArray(inner) && typeof inner[0] === 'string')
          getAtts.push(inner[0]);
        else walk(inner);
      }
    }
  };
  walk(value);
  return { refs, getAtts };
}

const PROXY_ENV_CONFIG = readDeployConfig({
  ISSUER_BASE_URL: 'https://tenant.example.auth0.com/',
  ALEXA_CLIENT_ID: 'alexa',
  ALEXA_CLIENT_SECRET: 'secret',
});

describe('deploy: the CloudFormation template', () => {
  it('is JSON CloudFormation, small enough for a TemplateBody (51,200 bytes)', () => {
    expect(template.AWSTemplateFormatVersion).to.equal('2010-09-09');
    expect(Buffer.byteLength(text)).to.be.below(51_200);
  });

  it('declares the parameters @ask-cli/cfn-deployer passes', () => {
    for (const name of [
      'SkillId',
      'LambdaRuntime',
      'LambdaHandler',
      'CodeBucket',
      'CodeKey',
      'CodeVersion',
    ]) {
      expect(template.Parameters, name).to.have.property(name);
    }
  });

  it('does not mention SkillClientId (which makes the deployer fetch skill messaging credentials)', () => {
    expect(text).not.to.include('SkillClientId');
  });

  it('declares every parameter the deploy writes into ask-resources.json', () => {
    for (const name of Object.keys(stackParameters(PROXY_ENV_CONFIG))) {
      expect(template.Parameters, name).to.have.property(name);
    }
  });

  it('refers only to declared parameters, resources and pseudo parameters', () => {
    const { refs, getAtts } = references({
      r: template.Resources,
      o: template.Outputs,
      c: (template as { Conditions?: unknown }).Conditions,
    });
    const known = new Set([
      ...Object.keys(template.Parameters),
      ...Object.keys(resources),
      'AWS::Region',
      'AWS::AccountId',
      'AWS::StackName',
      'AWS::NoValue',
      'AWS::Partition',
    ]);
    for (const ref of refs) expect(known.has(ref), ref).to.equal(true);
    for (const target of getAtts) expect(resources, target).to.have.property(target);
  });

  it('runs the skill as LambdaHandler (index.handler) and the proxy as proxy.handler, both on LambdaRuntime, from the one code zip', () => {
    const skill = resource('SkillFunction').Properties;
    const proxy = resource('ProxyFunction').Properties;
    expect(skill['Handler']).to.deep.equal({ Ref: 'LambdaHandler' });
    expect(proxy['Handler']).to.equal('proxy.handler');
    for (const fn of [skill, proxy]) {
      expect(fn['Runtime']).to.deep.equal({ Ref: 'LambdaRuntime' });
      expect(fn['Code']).to.deep.equal({
        S3Bucket: { Ref: 'CodeBucket' },
        S3Key: { Ref: 'CodeKey' },
        S3ObjectVersion: { Ref: 'CodeVersion' },
      });
    }
    expect(ofType('AWS::Lambda::Function')).to.have.length(2);
  });

  it('lets only Alexa invoke the skill, for this skill id (EventSourceToken)', () => {
    const permissions = ofType('AWS::Lambda::Permission').filter(
      ([, p]) =>
        JSON.stringify(p.Properties['FunctionName']) ===
        JSON.stringify({ 'Fn::GetAtt': ['SkillFunction', 'Arn'] }),
    );
    expect(permissions).to.have.length(1);
    expect(permissions[0]?.[1].Properties).to.deep.include({
      Action: 'lambda:InvokeFunction',
      Principal: 'alexa-appkit.amazon.com',
      EventSourceToken: { Ref: 'SkillId' },
    });
  });

  it('gives the skill SKILL_ID and the tenant settings', () => {
    const variables = (resource('SkillFunction').Properties['Environment'] as { Variables: Json })
      .Variables;
    expect(variables['SKILL_ID']).to.deep.equal({ Ref: 'SkillId' });
    expect(variables['ISSUER_BASE_URL']).to.deep.equal({ Ref: 'IssuerBaseUrl' });
    expect(Object.keys(variables)).to.include.members([
      'AUDIENCE',
      'REQUIRED_SCOPE',
      'WEATHER_PROVIDER',
      'LOG_LEVEL',
    ]);
  });

  it('gives the proxy UPSTREAM_TOKEN_URL, ALLOWED_CLIENT_IDS, DEFAULT_EXPIRES_IN and UPSTREAM_TIMEOUT_MS', () => {
    const variables = (resource('ProxyFunction').Properties['Environment'] as { Variables: Json })
      .Variables;
    expect(variables).to.deep.include({
      UPSTREAM_TOKEN_URL: { Ref: 'UpstreamTokenUrl' },
      ALLOWED_CLIENT_IDS: { Ref: 'AllowedClientIds' },
      DEFAULT_EXPIRES_IN: { Ref: 'DefaultExpiresIn' },
      UPSTREAM_TIMEOUT_MS: { Ref: 'UpstreamTimeoutMs' },
    });
  });

  it('puts the proxy behind a Function URL with AuthType NONE', () => {
    const urls = ofType('AWS::Lambda::Url');
    expect(urls).to.have.length(1);
    expect(urls[0]?.[1].Properties).to.deep.include({
      TargetFunctionArn: { 'Fn::GetAtt': ['ProxyFunction', 'Arn'] },
      AuthType: 'NONE',
    });
  });

  it('grants lambda:InvokeFunctionUrl to everyone only for FunctionUrlAuthType NONE', () => {
    const grants = ofType('AWS::Lambda::Permission').filter(
      ([, p]) => p.Properties['Action'] === 'lambda:InvokeFunctionUrl',
    );
    expect(grants).to.have.length(1);
    expect(grants[0]?.[1].Properties).to.deep.include({
      Principal: '*',
      FunctionUrlAuthType: 'NONE',
      FunctionName: { 'Fn::GetAtt': ['ProxyFunction', 'Arn'] },
    });
  });

  it('grants the public lambda:InvokeFunction on the proxy only with InvokedViaFunctionUrl true', () => {
    const grants = ofType('AWS::Lambda::Permission').filter(
      ([, p]) =>
        p.Properties['Action'] === 'lambda:InvokeFunction' && p.Properties['Principal'] === '*',
    );
    expect(grants).to.have.length(1);
    expect(grants[0]?.[1].Properties).to.deep.include({
      InvokedViaFunctionUrl: true,
      FunctionName: { 'Fn::GetAtt': ['ProxyFunction', 'Arn'] },
    });
  });

  it('reserves concurrency for the proxy only when asked (AWS::NoValue at 0), and bounds its timeouts', () => {
    const proxy = resource('ProxyFunction').Properties;
    expect(proxy['ReservedConcurrentExecutions']).to.deep.equal({
      'Fn::If': [
        'ReserveProxyConcurrency',
        { Ref: 'ProxyReservedConcurrency' },
        { Ref: 'AWS::NoValue' },
      ],
    });
    const conditions = (template as { Conditions?: Record<string, unknown> }).Conditions;
    expect(conditions?.['ReserveProxyConcurrency']).to.deep.equal({
      'Fn::Not': [{ 'Fn::Equals': [{ Ref: 'ProxyReservedConcurrency' }, '0'] }],
    });
    // A template deployed by hand reserves nothing, so it cannot fail on a small quota.
    expect(template.Parameters['ProxyReservedConcurrency']).to.include({
      Default: '0',
      MinValue: 0,
    });
    expect(proxy['Timeout']).to.be.at.most(5);
    expect(template.Parameters['UpstreamTimeoutMs']).to.include({ MaxValue: 4000 });
  });

  it('sends each function to its own log group with retention, writable by that function only', () => {
    for (const [fn, group, role] of [
      ['SkillFunction', 'SkillLogGroup', 'SkillFunctionRole'],
      ['ProxyFunction', 'ProxyLogGroup', 'ProxyFunctionRole'],
    ] as const) {
      expect(resource(group).Type).to.equal('AWS::Logs::LogGroup');
      expect(resource(group).Properties['RetentionInDays']).to.deep.equal({
        Ref: 'LogRetentionDays',
      });
      expect((resource(fn).Properties['LoggingConfig'] as Json)['LogGroup']).to.deep.equal({
        Ref: group,
      });
      expect(resource(fn).Properties['Role']).to.deep.equal({ 'Fn::GetAtt': [role, 'Arn'] });
      const statements = JSON.stringify(resource(role).Properties['Policies']);
      expect(statements).to.include(JSON.stringify({ 'Fn::GetAtt': [group, 'Arn'] }));
      expect(statements).not.to.include('"*"');
    }
  });

  it('outputs SkillEndpoint (the skill ARN) and ProxyUrl (the Function URL)', () => {
    expect(template.Outputs['SkillEndpoint']?.Value).to.deep.equal({
      'Fn::GetAtt': ['SkillFunction', 'Arn'],
    });
    expect(template.Outputs['ProxyUrl']?.Value).to.deep.equal({
      'Fn::GetAtt': ['ProxyFunctionUrl', 'FunctionUrl'],
    });
  });

  it('refuses an empty issuer, token URL or client list (a bare `ask deploy` without npm run deploy)', () => {
    const matches = (name: string, value: string): boolean =>
      new RegExp(String(template.Parameters[name]?.['AllowedPattern'])).test(value);
    expect(matches('IssuerBaseUrl', '')).to.equal(false);
    expect(matches('UpstreamTokenUrl', '')).to.equal(false);
    expect(matches('AllowedClientIds', '')).to.equal(false);
    expect(matches('IssuerBaseUrl', 'https://tenant.example.auth0.com/')).to.equal(true);
    expect(matches('AllowedClientIds', 'a1,b2')).to.equal(true);
  });
});
