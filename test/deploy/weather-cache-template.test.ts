/**
 * The template's shared weather cache: the table (on-demand, TTL on `expiresAt`), the skill's
 * rights on it (the item actions it uses, on that table only) and its name in the skill's
 * environment. No parameter: `npm run deploy` creates it with the stack.
 */
import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_PATHS, REPO_ROOT } from '../../scripts/deploy/index.js';

interface Resource {
  Type: string;
  Properties: Record<string, unknown>;
  DeletionPolicy?: string;
}
interface Statement {
  Effect: string;
  Action: string | string[];
  Resource: unknown;
}
interface Policy {
  PolicyName: string;
  PolicyDocument: { Statement: Statement[] };
}

const template = JSON.parse(readFileSync(join(REPO_ROOT, PROJECT_PATHS.stackTemplate), 'utf8')) as {
  Resources: Record<string, Resource>;
};
const TABLE_ARN = { 'Fn::GetAtt': ['WeatherCacheTable', 'Arn'] };

function statementsOf(role: string): Statement[] {
  const policies = (template.Resources[role]?.Properties['Policies'] ?? []) as Policy[];
  return policies.flatMap((p) => p.PolicyDocument.Statement);
}

describe('deploy: the shared weather cache in the template', () => {
  const table = template.Resources['WeatherCacheTable'];

  it('creates one DynamoDB table: partition key pk (string), on-demand, TTL on expiresAt', () => {
    const tables = Object.values(template.Resources).filter(
      (r) => r.Type === 'AWS::DynamoDB::Table',
    );
    expect(tables).to.have.length(1);
    expect(table?.Type).to.equal('AWS::DynamoDB::Table');
    expect(table?.Properties).to.deep.include({
      BillingMode: 'PAY_PER_REQUEST',
      AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }],
      KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
      TimeToLiveSpecification: { AttributeName: 'expiresAt', Enabled: true },
    });
  });

  it('deletes the table with the stack (it holds only a cache)', () => {
    expect(table?.DeletionPolicy).to.equal('Delete');
  });

  it('gives the skill WEATHER_CACHE_TABLE, the table name', () => {
    const environment = template.Resources['SkillFunction']?.Properties['Environment'] as {
      Variables: Record<string, unknown>;
    };
    expect(environment.Variables['WEATHER_CACHE_TABLE']).to.deep.equal({
      Ref: 'WeatherCacheTable',
    });
  });

  it('lets the skill GetItem and PutItem on that table, and nothing else on any table', () => {
    const onTables = statementsOf('SkillFunctionRole').filter((s) =>
      [s.Action].flat().some((action) => action.startsWith('dynamodb:')),
    );
    expect(onTables).to.have.length(1);
    expect(onTables[0]).to.deep.equal({
      Effect: 'Allow',
      Action: ['dynamodb:GetItem', 'dynamodb:PutItem'],
      Resource: TABLE_ARN,
    });
  });

  it('gives the proxy no right on the table', () => {
    expect(JSON.stringify(statementsOf('ProxyFunctionRole'))).not.to.include('dynamodb');
  });
});
