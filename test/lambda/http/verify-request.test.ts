import { expect } from 'chai';
import nock from 'nock';
import {
  createAlexaRequestVerifier,
  canonicalCertUrl,
  isAlexaCertUrl,
  RequestVerificationError,
  type RequestCheck,
} from '../../../lambda/http/index.js';
import { expectRejection } from '../../harness/assertions.js';

const GOOD_CERT_URL = 'https://s3.amazonaws.com/echo.api/echo-api-cert-12.pem';

function body(timestamp: string): string {
  return JSON.stringify({
    version: '1.0',
    context: { System: { application: { applicationId: 'x' }, user: { userId: 'u' } } },
    request: { type: 'LaunchRequest', requestId: 'r', timestamp, locale: 'en-US' },
  });
}

const fresh = (): string => body(new Date().toISOString());
const signed = (certUrl = GOOD_CERT_URL) => ({
  signaturecertchainurl: certUrl,
  'signature-256': Buffer.from('not a real signature').toString('base64'),
});
const accepting: RequestCheck = { verify: () => Promise.resolve() };

describe('skill http endpoint: Alexa request verification', () => {
  it('refuses a request without signature headers', async () => {
    const verify = createAlexaRequestVerifier();
    await expectRejection(verify(fresh(), {}), RequestVerificationError, 'ERR_SIGNATURE_MISSING');
  });

  it('refuses a request with a certificate URL but no Signature-256 header', async () => {
    const verify = createAlexaRequestVerifier();
    await expectRejection(
      verify(fresh(), { signaturecertchainurl: GOOD_CERT_URL }),
      RequestVerificationError,
      'ERR_SIGNATURE_MISSING',
    );
  });

  it('refuses a request with a Signature-256 header but no certificate URL', async () => {
    const verify = createAlexaRequestVerifier();
    await expectRejection(
      verify(fresh(), { 'signature-256': 'abc' }),
      RequestVerificationError,
      'ERR_SIGNATURE_MISSING',
    );
  });

  it('refuses a certificate URL over http, without fetching it', async () => {
    const verify = createAlexaRequestVerifier();
    const error = await expectRejection(
      verify(fresh(), signed('http://s3.amazonaws.com/echo.api/echo-api-cert-12.pem')),
      RequestVerificationError,
      'ERR_SIGNATURE_INVALID',
    );
    expect(error.message).to.match(/not an Amazon certificate URL/);
  });

  it('refuses a certificate URL on another host', async () => {
    const verify = createAlexaRequestVerifier();
    const error = await expectRejection(
      verify(fresh(), signed('https://evil.example.com/echo.api/echo-api-cert-12.pem')),
      RequestVerificationError,
      'ERR_SIGNATURE_INVALID',
    );
    expect(error.message).to.match(/not an Amazon certificate URL/);
  });

  it('refuses a certificate URL outside /echo.api/', async () => {
    const verify = createAlexaRequestVerifier();
    const error = await expectRejection(
      verify(fresh(), signed('https://s3.amazonaws.com/other/echo-api-cert-12.pem')),
      RequestVerificationError,
      'ERR_SIGNATURE_INVALID',
    );
    expect(error.message).to.match(/not an Amazon certificate URL/);
  });

  it('refuses a certificate URL on a port other than 443', async () => {
    const verify = createAlexaRequestVerifier();
    const error = await expectRejection(
      verify(fresh(), signed('https://s3.amazonaws.com:8443/echo.api/echo-api-cert-12.pem')),
      RequestVerificationError,
      'ERR_SIGNATURE_INVALID',
    );
    expect(error.message).to.match(/not an Amazon certificate URL/);
  });

  describe('certificate URL rules (checked before the adapter, which resolves dot segments late)', () => {
    // Amazon's documented valid examples, then other spellings of one object.
    const accepted = [
      GOOD_CERT_URL,
      'https://s3.amazonaws.com:443/echo.api/echo-api-cert.pem',
      'HTTPS://S3.AMAZONAWS.COM/echo.api/echo-api-cert.pem',
      'https://s3.amazonaws.com/echo.api/../echo.api/echo-api-cert.pem',
      'https://s3.amazonaws.com/echo.api/./echo-api-cert.pem',
      'https://s3.amazonaws.com:0443/echo.api/echo-api-cert.pem',
      'https://s3.amazonaws.com:00443/echo.api/echo-api-cert.pem',
      'https://S3.AmazonAWS.com/echo.api/echo-api-cert.pem',
    ];
    const refused = [
      'https://s3.amazonaws.com/echo.api/%65cho-api-cert.pem',
      'https://s3.amazonaws.com/echo.api/echo-api-cert.pem?',
      'https://s3.amazonaws.com/echo.api/echo-api-cert.pem#',
      'https://s3.amazonaws.com/echo.api//echo-api-cert.pem',
      'https://s3.amazonaws.com/echo.api/ech\to-api-cert.pem',
      'https://s3.amazonaws.com/echo.api\\echo-api-cert.pem',
      'https://s3.amazonaws.com./echo.api/echo-api-cert.pem',
      'https:s3.amazonaws.com/echo.api/echo-api-cert.pem',
      'https://s3.amazonaws.com/echo.api/',
      'https://s3.amazonaws.com/echo.api/.hidden.pem',
      `https://s3.amazonaws.com/echo.api/${'a'.repeat(600)}.pem`,
      'https://s3.amazonaws.com/echo.api/../attacker-bucket/huge.pem',
      'https://s3.amazonaws.com/echo.api/%2e%2e/attacker-bucket/x.pem',
      'https://s3.amazonaws.com/echo.api/%2E%2E/attacker-bucket/x.pem',
      'https://s3.amazonaws.com/echo.api\\..\\attacker/x.pem',
      'https://s3.amazonaws.com/echo.api/echo-api-cert.pem?1',
      'https://s3.amazonaws.com/echo.api/echo-api-cert.pem#x',
      'https://user:pass@s3.amazonaws.com/echo.api/echo-api-cert.pem',
      'https://s3.amazonaws.com/EcHo.aPi/echo-api-cert.pem',
      'https://s3.amazonaws.com.evil.example/echo.api/echo-api-cert.pem',
      'https://s3.amazonaws.com:563/echo.api/echo-api-cert.pem',
      'http://s3.amazonaws.com/echo.api/echo-api-cert.pem',
      'not a url',
    ];
    for (const url of accepted) {
      it(`accepts ${url}`, () => {
        expect(isAlexaCertUrl(url)).to.equal(true);
      });
    }
    for (const url of refused) {
      it(`refuses ${JSON.stringify(url).slice(0, 90)}`, () => {
        expect(isAlexaCertUrl(url)).to.equal(false);
        expect(canonicalCertUrl(url)).to.equal(undefined);
      });
    }

    it('gives every accepted spelling of one certificate the same canonical URL', () => {
      const forms = new Set(accepted.slice(1).map((url) => canonicalCertUrl(url)));
      expect([...forms]).to.deep.equal(['https://s3.amazonaws.com/echo.api/echo-api-cert.pem']);
      expect(canonicalCertUrl(GOOD_CERT_URL)).to.equal(GOOD_CERT_URL);
    });

    it('never downloads from a path that leaves /echo.api/', async () => {
      const attacker = nock('https://s3.amazonaws.com')
        .get(/attacker/)
        .reply(200, 'x'.repeat(1000));
      const verify = createAlexaRequestVerifier();
      await expectRejection(
        verify(fresh(), signed('https://s3.amazonaws.com/echo.api/../attacker-bucket/huge.pem')),
        RequestVerificationError,
        'ERR_SIGNATURE_INVALID',
      );
      expect(attacker.isDone()).to.equal(false);
      nock.cleanAll();
    });
  });

  it('gives up on a signature check that outlasts its deadline', async () => {
    const hanging: RequestCheck = { verify: () => new Promise(() => undefined) };
    const verify = createAlexaRequestVerifier({
      signatureVerifier: hanging,
      signatureTimeoutMs: 50,
    });
    const started = Date.now();
    const error = await expectRejection(
      verify(fresh(), signed()),
      RequestVerificationError,
      'ERR_SIGNATURE_INVALID',
    );
    expect(Date.now() - started).to.be.below(1000);
    expect(error.message).to.match(/within 50 ms/);
  });

  it('refuses a request whose certificate chain cannot be downloaded', async () => {
    const scope = nock('https://s3.amazonaws.com')
      .get('/echo.api/echo-api-cert-12.pem')
      .reply(404, 'Not Found');
    const verify = createAlexaRequestVerifier();
    const error = await expectRejection(
      verify(fresh(), signed()),
      RequestVerificationError,
      'ERR_SIGNATURE_INVALID',
    );
    expect(error.message).to.match(/certificate/i);
    expect(scope.isDone()).to.equal(true);
  });

  it('refuses a downloaded certificate chain that is not a usable certificate', async () => {
    nock('https://s3.amazonaws.com')
      .get('/echo.api/echo-api-cert-12.pem')
      .reply(200, '-----BEGIN CERTIFICATE-----\nbm90IGEgY2VydA==\n-----END CERTIFICATE-----\n');
    const verify = createAlexaRequestVerifier();
    await expectRejection(
      verify(fresh(), signed()),
      RequestVerificationError,
      'ERR_SIGNATURE_INVALID',
    );
  });

  it('refuses a stale timestamp before any certificate download', async () => {
    // No interceptor: a download attempt would fail as ERR_SIGNATURE_INVALID, not this code.
    const verify = createAlexaRequestVerifier();
    const stale = new Date(Date.now() - 151_000).toISOString();
    await expectRejection(
      verify(body(stale), signed()),
      RequestVerificationError,
      'ERR_TIMESTAMP_INVALID',
    );
  });

  it('refuses a timestamp more than 150 s in the future', async () => {
    const now = Date.UTC(2026, 10, 25, 12);
    const verify = createAlexaRequestVerifier({
      now: () => now,
      signatureVerifier: accepting,
      timestampVerifier: accepting,
    });
    const ahead = new Date(now + 151_000).toISOString();
    await expectRejection(
      verify(body(ahead), signed()),
      RequestVerificationError,
      'ERR_TIMESTAMP_INVALID',
    );
  });

  it('accepts a timestamp 150 s in the future', async () => {
    const now = Date.UTC(2026, 10, 25, 12);
    const verify = createAlexaRequestVerifier({
      now: () => now,
      signatureVerifier: accepting,
      timestampVerifier: accepting,
    });
    await verify(body(new Date(now + 150_000).toISOString()), signed());
  });

  it('refuses a request without a timestamp', async () => {
    const verify = createAlexaRequestVerifier({ signatureVerifier: accepting });
    const noTimestamp = JSON.stringify({ request: { type: 'LaunchRequest' } });
    await expectRejection(
      verify(noTimestamp, signed()),
      RequestVerificationError,
      'ERR_TIMESTAMP_INVALID',
    );
  });

  it('refuses a body that is not JSON as having no readable timestamp', async () => {
    const verify = createAlexaRequestVerifier({ signatureVerifier: accepting });
    await expectRejection(
      verify('{not json', signed()),
      RequestVerificationError,
      'ERR_TIMESTAMP_INVALID',
    );
  });

  it('keeps the signature verifier’s error as the cause', async () => {
    const refusal = new Error('request body and signature does not match');
    const verify = createAlexaRequestVerifier({
      signatureVerifier: { verify: () => Promise.reject(refusal) },
    });
    const error = await expectRejection(
      verify(fresh(), signed()),
      RequestVerificationError,
      'ERR_SIGNATURE_INVALID',
    );
    expect(error.cause).to.equal(refusal);
  });

  it('hands the raw body and the headers to the signature verifier', async () => {
    const seen: unknown[] = [];
    const verify = createAlexaRequestVerifier({
      signatureVerifier: {
        verify: (text, headers) => {
          seen.push(text, headers);
          return Promise.resolve();
        },
      },
    });
    const text = fresh();
    const headers = signed();
    await verify(text, headers);
    expect(seen).to.deep.equal([text, headers]);
  });
});
