import { request as httpRequest } from 'node:http';
import { expect } from 'chai';
import type { RequestEnvelope, ResponseEnvelope } from 'ask-sdk-model';
import { createLogger } from '../../../common/index.js';
import {
  HttpEndpointOptionsError,
  startSkillHttpEndpoint,
  type SkillHttpEndpoint,
  type SkillHttpEndpointOptions,
  type SkillInvoker,
} from '../../../lambda/http/index.js';
import { SkillIdMismatchError } from '../../../lambda/skill.js';
import { expectRejection } from '../../harness/assertions.js';
import { launchRequest } from '../../harness/requests.js';

interface Answer {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly json: Record<string, unknown>;
}

/** One raw request; `chunks` are written one by one, without a content-length. */
function send(
  endpoint: SkillHttpEndpoint,
  options: { method?: string; headers?: Record<string, string>; body?: string; chunks?: string[] },
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      endpoint.url,
      { method: options.method ?? 'POST', headers: options.headers },
      (res) => {
        const parts: Buffer[] = [];
        res.on('data', (c: Buffer) => parts.push(c));
        res.on('end', () => {
          const text = Buffer.concat(parts).toString('utf8');
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            json: text === '' ? {} : (JSON.parse(text) as Record<string, unknown>),
          });
        });
      },
    );
    req.on('error', reject);
    if (options.chunks !== undefined) {
      for (const chunk of options.chunks) req.write(chunk);
      req.end();
    } else {
      req.end(options.body);
    }
  });
}

const RESPONSE: ResponseEnvelope = {
  version: '1.0',
  response: { outputSpeech: { type: 'PlainText', text: 'hello' } },
};

function recordingSkill(answer: () => Promise<ResponseEnvelope> = () => Promise.resolve(RESPONSE)) {
  const seen: RequestEnvelope[] = [];
  const skill: SkillInvoker = {
    invoke: (event) => {
      seen.push(event);
      return answer();
    },
  };
  return { skill, seen };
}

describe('skill http endpoint: server', () => {
  let endpoint: SkillHttpEndpoint | undefined;
  const start = async (options: SkillHttpEndpointOptions): Promise<SkillHttpEndpoint> => {
    endpoint = await startSkillHttpEndpoint(options);
    return endpoint;
  };
  afterEach(async () => {
    await endpoint?.stop();
    endpoint = undefined;
  });

  describe('local mode', () => {
    it('refuses to bind to a host that is not loopback', async () => {
      const { skill } = recordingSkill();
      await expectRejection(
        startSkillHttpEndpoint({ skill, mode: 'local', host: '0.0.0.0' }),
        HttpEndpointOptionsError,
        'ERR_HTTP_ENDPOINT_OPTIONS',
      );
    });

    it('refuses the IPv6 any-address too', async () => {
      const { skill } = recordingSkill();
      await expectRejection(
        startSkillHttpEndpoint({ skill, mode: 'local', host: '::' }),
        HttpEndpointOptionsError,
        'ERR_HTTP_ENDPOINT_OPTIONS',
      );
    });

    it('listens on 127.0.0.1 by default', async () => {
      const { skill } = recordingSkill();
      const e = await start({ skill, mode: 'local' });
      expect(e.url).to.match(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    });

    it('answers an unsigned request envelope with the skill’s response as JSON', async () => {
      const { skill, seen } = recordingSkill();
      const e = await start({ skill, mode: 'local' });
      const envelope = launchRequest();
      const answer = await send(e, { body: JSON.stringify(envelope) });
      expect(answer.status).to.equal(200);
      expect(answer.headers['content-type']).to.match(/^application\/json/);
      expect(answer.json).to.deep.equal(RESPONSE);
      expect(seen).to.deep.equal([envelope]);
    });
  });

  describe('verified mode', () => {
    it('refuses an unsigned request with 400 and never calls the skill', async () => {
      const { skill, seen } = recordingSkill();
      const e = await start({ skill, mode: 'verified' });
      const answer = await send(e, { body: JSON.stringify(launchRequest({ now: Date.now() })) });
      expect(answer.status).to.equal(400);
      expect(answer.json.error).to.equal('ERR_SIGNATURE_MISSING');
      expect(seen).to.have.length(0);
    });

    it('refuses a stale request with 400 and never calls the skill', async () => {
      const { skill, seen } = recordingSkill();
      const e = await start({ skill, mode: 'verified' });
      const answer = await send(e, {
        headers: {
          SignatureCertChainUrl: 'https://s3.amazonaws.com/echo.api/echo-api-cert-12.pem',
          'Signature-256': 'c2ln',
        },
        body: JSON.stringify(launchRequest({ now: Date.UTC(2020, 0, 1) })),
      });
      expect(answer.status).to.equal(400);
      expect(answer.json.error).to.equal('ERR_TIMESTAMP_INVALID');
      expect(seen).to.have.length(0);
    });

    it('calls the skill once the request is verified', async () => {
      const { skill, seen } = recordingSkill();
      const e = await start({ skill, mode: 'verified', verifyRequest: () => Promise.resolve() });
      const answer = await send(e, { body: JSON.stringify(launchRequest()) });
      expect(answer.status).to.equal(200);
      expect(seen).to.have.length(1);
    });

    it('verifies the raw body it received, byte for byte', async () => {
      const { skill } = recordingSkill();
      const bodies: string[] = [];
      const e = await start({
        skill,
        mode: 'verified',
        verifyRequest: (body) => {
          bodies.push(body);
          return Promise.resolve();
        },
      });
      const raw = `  ${JSON.stringify(launchRequest())}\n`;
      await send(e, { body: raw });
      expect(bodies).to.deep.equal([raw]);
    });
  });

  describe('requests', () => {
    it('refuses a mode that is neither verified nor local', async () => {
      const { skill } = recordingSkill();
      await expectRejection(
        startSkillHttpEndpoint({ skill, mode: 'off' as 'local' }),
        HttpEndpointOptionsError,
        'ERR_HTTP_ENDPOINT_OPTIONS',
      );
    });

    it('answers 405 with Allow: POST to a GET', async () => {
      const { skill } = recordingSkill();
      const e = await start({ skill, mode: 'local' });
      const answer = await send(e, { method: 'GET' });
      expect(answer.status).to.equal(405);
      expect(answer.headers.allow).to.equal('POST');
      expect(answer.json.error).to.equal('ERR_METHOD_NOT_ALLOWED');
    });

    it('answers 413 to a declared body over the cap, without calling the skill', async () => {
      const { skill, seen } = recordingSkill();
      const e = await start({ skill, mode: 'local', maxBodyBytes: 2048 });
      const answer = await send(e, { body: 'x'.repeat(2049) });
      expect(answer.status).to.equal(413);
      expect(answer.json.error).to.equal('ERR_BODY_TOO_LARGE');
      expect(seen).to.have.length(0);
    });

    it('answers 413 to a streamed body that grows over the cap', async () => {
      const { skill } = recordingSkill();
      const e = await start({ skill, mode: 'local', maxBodyBytes: 2048 });
      const answer = await send(e, { chunks: ['x'.repeat(1500), 'x'.repeat(1500)] });
      expect(answer.status).to.equal(413);
    });

    it('accepts a body exactly at the cap', async () => {
      const { skill } = recordingSkill();
      const e = await start({ skill, mode: 'local', maxBodyBytes: 2048 });
      const json = JSON.stringify(launchRequest());
      const answer = await send(e, { body: json.padEnd(2048, ' ') });
      expect(answer.status).to.equal(200);
    });

    it('refuses a cap below 1 KiB', async () => {
      const { skill } = recordingSkill();
      await expectRejection(
        startSkillHttpEndpoint({ skill, mode: 'local', maxBodyBytes: 10 }),
        HttpEndpointOptionsError,
        'ERR_HTTP_ENDPOINT_OPTIONS',
      );
    });

    it('answers 400 to a body that is not JSON', async () => {
      const { skill } = recordingSkill();
      const e = await start({ skill, mode: 'local' });
      const answer = await send(e, { body: '{"request":' });
      expect(answer.status).to.equal(400);
      expect(answer.json.error).to.equal('ERR_BODY_MALFORMED');
    });

    it('answers 400 to JSON that is not a request envelope', async () => {
      const { skill } = recordingSkill();
      const e = await start({ skill, mode: 'local' });
      const answer = await send(e, { body: JSON.stringify({ request: {} }) });
      expect(answer.status).to.equal(400);
      expect(answer.json.error).to.equal('ERR_BODY_MALFORMED');
    });

    it('answers 400 when the skill refuses a request for another skill id', async () => {
      const { skill } = recordingSkill(() =>
        Promise.reject(new SkillIdMismatchError('The request is addressed to another skill')),
      );
      const e = await start({ skill, mode: 'local' });
      const answer = await send(e, { body: JSON.stringify(launchRequest()) });
      expect(answer.status).to.equal(400);
      expect(answer.json.error).to.equal('ERR_SKILL_ID_MISMATCH');
    });

    it('answers 500 without details when the skill fails', async () => {
      const { skill } = recordingSkill(() => Promise.reject(new Error('secret internals')));
      const e = await start({ skill, mode: 'local' });
      const answer = await send(e, { body: JSON.stringify(launchRequest()) });
      expect(answer.status).to.equal(500);
      expect(answer.json).to.deep.equal({ error: 'ERR_SKILL_FAILED', message: 'The skill failed' });
    });

    it('logs one line per request without the access token', async () => {
      const lines: string[] = [];
      const { skill } = recordingSkill();
      const e = await start({
        skill,
        mode: 'local',
        logger: createLogger({ sink: (l) => lines.push(l) }),
      });
      const token = 'opaque-access-token-value-1234';
      await send(e, { body: JSON.stringify(launchRequest({ accessToken: token })) });
      expect(lines).to.have.length(1);
      expect(lines[0]).to.include('"status":200').and.not.include(token);
    });

    it('port in use: rejects with EADDRINUSE', async () => {
      const { skill } = recordingSkill();
      const first = await start({ skill, mode: 'local' });
      let code: unknown;
      try {
        await startSkillHttpEndpoint({ skill, mode: 'local', port: first.port });
      } catch (error) {
        code = (error as { code?: unknown }).code;
      }
      expect(code).to.equal('EADDRINUSE');
    });

    it('stops listening on stop()', async () => {
      const { skill } = recordingSkill();
      const e = await startSkillHttpEndpoint({ skill, mode: 'local' });
      await e.stop();
      let failed = false;
      try {
        await send(e, { body: '{}' });
      } catch {
        failed = true;
      }
      expect(failed).to.equal(true);
    });
  });
});
