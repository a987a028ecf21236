/**
 * The certificate cache of ask-sdk-express-adapter's SkillRequestSignatureVerifier, bounded and
 * keyed by the canonical URL. The real adapter downloads through nock; only its chain-to-root
 * validation is replaced (no certificate here chains to a public root offline), so what is
 * cached, when, and under which URL is the adapter's own behaviour.
 */
import { expect } from 'chai';
import nock from 'nock';
import { SkillRequestSignatureVerifier } from 'ask-sdk-express-adapter';
import {
  boundCertCache,
  CertCacheShapeError,
  createAlexaRequestVerifier,
  RequestVerificationError,
} from '../../../lambda/http/index.js';
import { expectRejection } from '../../harness/assertions.js';

const PEM = '-----BEGIN CERTIFICATE-----\nbm90IGEgY2VydA==\n-----END CERTIFICATE-----\n';

function body(): string {
  return JSON.stringify({
    version: '1.0',
    context: { System: { application: { applicationId: 'x' }, user: { userId: 'u' } } },
    request: {
      type: 'LaunchRequest',
      requestId: 'r',
      timestamp: new Date().toISOString(),
      locale: 'en-US',
    },
  });
}

const headers = (url: string) => ({
  signaturecertchainurl: url,
  'signature-256': Buffer.from('not a real signature').toString('base64'),
});

/** The real adapter, its trust-root validation accepting any chain (see the file comment). */
function adapter(): SkillRequestSignatureVerifier {
  const verifier = new SkillRequestSignatureVerifier();
  Reflect.set(verifier, '_validateCertChain', () => undefined);
  return verifier;
}

/** Runs one request whose signature is not valid: refused, after its certificate was loaded. */
async function refusedSignature(
  verify: ReturnType<typeof createAlexaRequestVerifier>,
  url: string,
): Promise<void> {
  await expectRejection(
    verify(body(), headers(url)),
    RequestVerificationError,
    'ERR_SIGNATURE_INVALID',
  );
}

describe('skill http endpoint: the certificate cache', () => {
  afterEach(() => {
    nock.cleanAll();
  });

  it('downloads one certificate once, however the request spells its URL', async () => {
    let downloads = 0;
    nock('https://s3.amazonaws.com')
      .get(/^\//)
      .times(10)
      .reply(() => {
        downloads += 1;
        return [200, PEM];
      });
    const signature = boundCertCache(adapter());
    const verify = createAlexaRequestVerifier({ signatureVerifier: signature });
    const spellings = [
      'https://s3.amazonaws.com/echo.api/echo-api-cert-12.pem',
      'https://s3.amazonaws.com:443/echo.api/echo-api-cert-12.pem',
      'https://s3.amazonaws.com:0443/echo.api/echo-api-cert-12.pem',
      'https://s3.amazonaws.com:00443/echo.api/echo-api-cert-12.pem',
      'HTTPS://S3.AMAZONAWS.COM/echo.api/echo-api-cert-12.pem',
      'https://s3.amazonaws.com/echo.api/../echo.api/echo-api-cert-12.pem',
      'https://s3.amazonaws.com/echo.api/./echo-api-cert-12.pem',
    ];
    for (const url of spellings) {
      // The signature is not valid: refused, after the certificate was loaded and cached.
      await refusedSignature(verify, url);
    }
    expect(downloads).to.equal(1);
    nock.cleanAll(); // the interceptor allowed more downloads than were (rightly) made
    expect(signature.cachedUrls()).to.deep.equal([
      'https://s3.amazonaws.com/echo.api/echo-api-cert-12.pem',
    ]);
  });

  it('keeps at most maxEntries certificates, dropping the oldest', async () => {
    const s3 = nock('https://s3.amazonaws.com')
      .get(/^\/echo\.api\/cert-\d\.pem$/)
      .times(5)
      .reply(200, PEM);
    const signature = boundCertCache(adapter(), { maxEntries: 2 });
    const verify = createAlexaRequestVerifier({ signatureVerifier: signature });
    for (const n of [1, 2, 3, 4]) {
      await refusedSignature(verify, `https://s3.amazonaws.com/echo.api/cert-${n}.pem`);
    }
    expect(signature.cachedUrls()).to.deep.equal([
      'https://s3.amazonaws.com/echo.api/cert-3.pem',
      'https://s3.amazonaws.com/echo.api/cert-4.pem',
    ]);
    // cert-1 was evicted: asking for it downloads it again.
    await refusedSignature(verify, 'https://s3.amazonaws.com/echo.api/cert-1.pem');
    expect(s3.isDone()).to.equal(true);
  });

  it('downloads and validates a certificate again once it is older than maxAgeMs', async () => {
    let now = 1_000_000;
    const s3 = nock('https://s3.amazonaws.com')
      .get('/echo.api/echo-api-cert-12.pem')
      .times(2)
      .reply(200, PEM);
    const verifier = adapter();
    let validations = 0;
    Reflect.set(verifier, '_validateCertChain', () => {
      validations += 1;
    });
    const signature = boundCertCache(verifier, { maxAgeMs: 60_000, now: () => now });
    const verify = createAlexaRequestVerifier({ signatureVerifier: signature });
    const url = 'https://s3.amazonaws.com/echo.api/echo-api-cert-12.pem';
    await refusedSignature(verify, url);
    now += 59_999;
    await refusedSignature(verify, url);
    expect(validations).to.equal(1);
    now += 1;
    await refusedSignature(verify, url);
    expect(validations).to.equal(2);
    expect(s3.isDone()).to.equal(true);
  });

  it('never caches a certificate that failed validation', async () => {
    const s3 = nock('https://s3.amazonaws.com')
      .get('/echo.api/echo-api-cert-12.pem')
      .times(2)
      .reply(200, PEM);
    // The adapter's own validation: this PEM is not a certificate, so nothing is cached.
    const signature = boundCertCache(new SkillRequestSignatureVerifier());
    const verify = createAlexaRequestVerifier({ signatureVerifier: signature });
    const url = 'https://s3.amazonaws.com/echo.api/echo-api-cert-12.pem';
    await refusedSignature(verify, url);
    await refusedSignature(verify, url);
    expect(signature.cachedUrls()).to.deep.equal([]);
    expect(s3.isDone()).to.equal(true);
  });

  it('fails loudly at construction if the adapter no longer keeps a certCache Map', () => {
    expect(() => boundCertCache({ verify: () => Promise.resolve() })).to.throw(
      CertCacheShapeError,
      'certCache',
    );
  });

  it('refuses limits that would not bound anything', () => {
    expect(() => boundCertCache(adapter(), { maxEntries: 0 })).to.throw(RangeError);
    expect(() => boundCertCache(adapter(), { maxAgeMs: 0 })).to.throw(RangeError);
  });
});
