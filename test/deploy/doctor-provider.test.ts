/** What the doctor says about the provider behind a token URL (`scripts/doctor/provider.ts`). */
import { createServer } from 'node:http';
import { expect } from 'chai';
import { closeServer, listenOn } from '../../common/http-server.js';
import {
  diagnoseProvider,
  providerLines,
  runDoctor,
  type TokenAnswer,
} from '../../scripts/doctor/index.js';

const answer = (status: number, body: unknown, type = 'application/json'): TokenAnswer => ({
  status,
  headers: { 'content-type': type },
  body: typeof body === 'string' ? body : JSON.stringify(body),
  elapsedMs: 10,
  failure: undefined,
});
const ids = (answers: TokenAnswer[], sent?: string) =>
  diagnoseProvider(answers, sent).quirks.map((q) => q.id);

describe('doctor: the provider behind a token URL', () => {
  it('sees nothing to fix in a standard answer', () => {
    const d = diagnoseProvider(
      [answer(200, { access_token: 'a', expires_in: 86400, refresh_token: 'r' })],
      'r',
    );
    expect(d).to.deep.equal({ quirks: [], proxyNeeded: false, profile: 'standard' });
    expect(providerLines(d)[0]).to.equal('provider: no quirks seen');
  });

  it('sees a form answer and a missing expires_in (GitHub without Accept)', () => {
    const form = answer(
      200,
      'access_token=gho_1&scope=repo&token_type=bearer',
      'application/x-www-form-urlencoded; charset=utf-8',
    );
    expect(ids([form])).to.deep.equal(['form-answer', 'no-integer-expires-in']);
    const d = diagnoseProvider([form]);
    expect(d).to.include({ proxyNeeded: true, profile: 'standard' });
    expect(providerLines(d).at(-1)).to.equal(
      'provider: the proxy is needed in front of this endpoint, with UPSTREAM_PROFILE=standard',
    );
  });

  it('sees refusals reported with 200 (GitHub, Slack)', () => {
    expect(ids([answer(200, { error: 'bad_verification_code' })])).to.deep.equal(['error-as-200']);
    expect(ids([answer(200, { ok: false, error: 'invalid_refresh_token' })])).to.deep.equal([
      'error-as-200',
    ]);
    // A 4xx refusal is standard.
    expect(ids([answer(400, { error: 'invalid_grant' })])).to.deep.equal([]);
  });

  it('sees the {status, body} wrapping and names the withings profile', () => {
    const d = diagnoseProvider(
      [
        answer(200, {
          status: 0,
          body: { access_token: 'a', expires_in: 10800, refresh_token: 'r2' },
        }),
      ],
      'r1',
    );
    expect(d.quirks.map((q) => q.id)).to.deep.equal(['wrapped-answer', 'rotating-refresh-tokens']);
    expect(d).to.include({ proxyNeeded: true, profile: 'withings' });
    expect(
      ids([answer(200, { status: 2554, body: {}, error: 'Wrong action or wrong webservice' })]),
    ).to.deep.equal(['wrapped-answer']);
  });

  it('sees expires_in left out, given as an instant, or not an integer', () => {
    expect(
      diagnoseProvider([answer(200, { access_token: 'a', expires_at: 1_900_000_000 })]).quirks[0]
        ?.detail,
    ).to.equal('leaves expires_in out (gives expires_at)');
    expect(ids([answer(200, { access_token: 'a', expires_in: '3599' })])).to.deep.equal([
      'no-integer-expires-in',
    ]);
    expect(ids([answer(200, { access_token: 'a', expires_in: 3599.5 })])).to.deep.equal([
      'no-integer-expires-in',
    ]);
  });

  it('sees a lifetime under 360 s and rotating refresh tokens, which the proxy cannot fix', () => {
    const d = diagnoseProvider(
      [answer(200, { access_token: 'a', expires_in: 300, refresh_token: 'new' })],
      'old',
    );
    expect(d.quirks.map((q) => q.id)).to.deep.equal(['short-lifetime', 'rotating-refresh-tokens']);
    expect(d.proxyNeeded).to.equal(false);
    expect(providerLines(d).at(-1)).to.match(/^provider: no quirk the proxy fixes was seen/);
  });

  it('reads nothing from an answer that never came, or that is not JSON', () => {
    const none: TokenAnswer = {
      status: undefined,
      headers: {},
      body: '',
      elapsedMs: 0,
      failure: 'refused',
    };
    expect(ids([none, answer(502, '<html>', 'text/html')])).to.deep.equal([]);
  });

  it('says so against a provider that answers forms and errors as 200, checked end to end', async () => {
    const server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const form = new URLSearchParams(Buffer.concat(chunks).toString());
        res.writeHead(200, { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' });
        res.end(
          form.get('grant_type') === 'refresh_token'
            ? 'error=bad_refresh_token&error_description=The+refresh+token+passed+is+incorrect+or+expired.'
            : 'access_token=gho_1&expires_in=28800&refresh_token=ghr_1&token_type=bearer',
        );
      });
    });
    const { url } = await listenOn(server, 0, '127.0.0.1');
    try {
      const report = await runDoctor({
        tokenUrl: url,
        clientId: 'c',
        clientSecret: 's',
        code: 'x',
      });
      expect(report.ok).to.equal(false);
      expect(report.provider.quirks.map((q) => q.id)).to.deep.equal([
        'form-answer',
        'no-integer-expires-in',
        'error-as-200',
      ]);
      expect(report.provider).to.include({ proxyNeeded: true, profile: 'standard' });
    } finally {
      await closeServer(server);
    }
  });
});
