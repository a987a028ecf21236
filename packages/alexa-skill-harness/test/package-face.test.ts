/**
 * The package's face, checked on every `npm test` (the installed tarball is checked by
 * `npm run test:package`): its manifest and the public names CONTRACT.md lists.
 */
import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as harness from 'alexa-skill-harness';

interface Manifest {
  name: string;
  version: string;
  type: string;
  engines: Record<string, string>;
  exports: Record<string, unknown>;
  files: string[];
  dependencies?: Record<string, string>;
  peerDependencies: Record<string, string>;
  peerDependenciesMeta: Record<string, { optional?: boolean }>;
}

const manifest = JSON.parse(
  readFileSync(join(import.meta.dirname, '../package.json'), 'utf8'),
) as Manifest;

describe('the harness package', () => {
  it('exports the public names of the contract', () => {
    for (const name of [
      'TestIssuer',
      'tokenFailures',
      'loadModel',
      'resolveUtterance',
      'conversation',
      'inProcess',
      'overHttp',
      'alexaAssertions',
      'mockAlexaApi',
      'elicitedSlotOf',
      'sessionResumedRequest',
    ]) {
      expect(harness, name).to.have.property(name).that.is.a('function');
    }
    expect(Object.getOwnPropertyNames(harness.TestIssuer)).to.include('listen');
    expect(Object.getOwnPropertyNames(harness.Conversation.prototype)).to.include('resume');
  });

  it('is an ES module for Node 20.19 and later, built to JavaScript with declarations', () => {
    expect(manifest.type).to.equal('module');
    expect(manifest.engines['node']).to.equal('>=20.19');
    expect(manifest.exports['.']).to.deep.equal({
      types: './dist/index.d.ts',
      default: './dist/index.js',
    });
    expect(manifest.files).to.deep.equal(['dist/', 'README.md']);
  });

  it('depends on nothing, with ask-sdk-core and chai 5 or 6 as optional peers, and never nock', () => {
    expect(manifest.dependencies ?? {}).to.deep.equal({});
    expect(manifest.peerDependencies).to.include({ 'ask-sdk-core': '^2.14.0', chai: '>=5 <7' });
    for (const peer of Object.keys(manifest.peerDependencies)) {
      expect(manifest.peerDependenciesMeta[peer]?.optional, peer).to.equal(true);
    }
    expect(JSON.stringify(manifest)).not.to.include('nock');
  });
});
