import { expect } from 'chai';
import { InvalidClientError, InvalidRequestError } from '../../proxy/index.js';
import { clientIdFromBasic, identifyClient } from '../../proxy/client-auth.js';
import { basicAuthorization, secret } from './support.js';

describe('client identification', () => {
  it('decodes a form-urlencoded client id from HTTP Basic', () => {
    const header = basicAuthorization('id:with+plus and space', secret('pw:1+2'));
    expect(clientIdFromBasic(header)).to.equal('id:with+plus and space');
  });

  it('accepts the Basic scheme in any case', () => {
    const header = basicAuthorization('abc', secret('pw-case-1')).replace('Basic', 'bAsIc');
    expect(clientIdFromBasic(header)).to.equal('abc');
  });

  it('refuses Basic credentials without a colon', () => {
    const header = `Basic ${Buffer.from('no-colon').toString('base64')}`;
    expect(() => clientIdFromBasic(header)).to.throw(InvalidClientError);
  });

  it('refuses Basic credentials that are not base64', () => {
    expect(() => clientIdFromBasic('Basic ***')).to.throw(InvalidClientError);
  });

  it('takes the body client_id when there is no Authorization header', () => {
    expect(identifyClient(undefined, 'abc')).to.deep.equal({ clientId: 'abc', method: 'body' });
  });

  it('refuses two different clients in the header and the body', () => {
    const header = basicAuthorization('abc', secret('pw-two-1'));
    expect(() => identifyClient(header, 'xyz')).to.throw(InvalidRequestError);
  });
});
