import { expect } from 'chai';
import nock from 'nock';
import { runDoctor, runDoctorCli, type DoctorRow } from '../../scripts/doctor/index.js';

const URL_ = 'https://proxy.example.com/';
const CLIENT = { clientId: 'alexa', clientSecret: 'doctor-secret-7c2a' };
const ACCESS = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl';
const GOOD = {
  access_token: ACCESS,
  token_type: 'Bearer',
  expires_in: 3600,
  refresh_token: 'refresh-1',
};
const JSON_HEADERS = {
  'Content-Type': 'application/json',
  'Cache-Control': 'no-store',
  Pragma: 'no-cache',
};

function failed(rows: readonly DoctorRow[]): string[] {
  return rows.filter((r) => r.outcome === 'fail').map((r) => `${r.step}: ${r.check}`);
}

/** A refresh-token call answered by nock with `body` and `headers`. */
async function refreshAgainst(
  body: unknown,
  headers: Record<string, string> = JSON_HEADERS,
  status = 200,
) {
  nock('https://proxy.example.com')
    .post('/', (b: Record<string, string>) => b['grant_type'] === 'refresh_token')
    .reply(status, typeof body === 'string' ? body : JSON.stringify(body), headers);
  return runDoctor({ tokenUrl: URL_, ...CLIENT, refreshToken: 'refresh-0' });
}

describe('doctor', function () {
  this.timeout(20_000);

  it('with no arguments, checks the proxy in front of the local issuer and passes every check', async () => {
    const out: string[] = [];
    const code = await runDoctorCli({
      argv: [],
      env: {},
      stdout: (t) => out.push(t),
      stderr: (t) => out.push(t),
    });
    const text = out.join('');
    expect(code, text).to.equal(0);
    expect(text).to.match(/code exchange\s+expires_in >= 360\s+PASS/);
    expect(text).to.match(/refresh\s+expires_in present\s+PASS/);
    expect(text).to.match(/doctor: all 20 checks passed/);
    expect(text).not.to.match(/eyJ[\w-]+\.[\w-]+\./);
  });

  it('passes an answer that meets every rule', async () => {
    const report = await refreshAgainst(GOOD);
    expect(failed(report.rows)).to.deep.equal([]);
    expect(report.ok).to.equal(true);
  });

  it('sends the client credentials with HTTP Basic and a form body, as Alexa does', async () => {
    let seen: { auth?: string; type?: string } = {};
    nock('https://proxy.example.com')
      .post('/', 'grant_type=refresh_token&refresh_token=refresh-0')
      .reply(function () {
        seen = {
          auth: String(this.req.headers['authorization']),
          type: String(this.req.headers['content-type']),
        };
        return [200, JSON.stringify(GOOD), JSON_HEADERS];
      });
    await runDoctor({ tokenUrl: URL_, ...CLIENT, refreshToken: 'refresh-0' });
    expect(seen.auth).to.equal(
      `Basic ${Buffer.from('alexa:doctor-secret-7c2a').toString('base64')}`,
    );
    expect(seen.type).to.equal('application/x-www-form-urlencoded;charset=UTF-8');
  });

  it('fails a status other than 200, quoting the OAuth error code', async () => {
    const report = await refreshAgainst({ error: 'invalid_grant' }, JSON_HEADERS, 400);
    const row = report.rows.find((r) => r.check === 'status 200');
    expect(row).to.include({ outcome: 'fail', detail: 'got 400, error invalid_grant' });
  });

  it('fails a content type other than JSON', async () => {
    const report = await refreshAgainst(GOOD, { ...JSON_HEADERS, 'Content-Type': 'text/plain' });
    expect(failed(report.rows)).to.deep.equal(['refresh: JSON content type']);
  });

  it('fails a missing expires_in (the 2016 Auth0 refresh answer)', async () => {
    const rest: Partial<typeof GOOD> = { ...GOOD };
    delete rest.expires_in;
    const report = await refreshAgainst(rest);
    expect(failed(report.rows)).to.include.members([
      'refresh: expires_in present',
      'refresh: expires_in is an integer',
      'refresh: expires_in >= 360',
    ]);
  });

  it('fails expires_in given as a string', async () => {
    const report = await refreshAgainst({ ...GOOD, expires_in: '3600' });
    expect(failed(report.rows)).to.deep.equal([
      'refresh: expires_in is an integer',
      'refresh: expires_in >= 360',
    ]);
  });

  it('fails expires_in below 360 (the 2016 workaround forced 120)', async () => {
    const report = await refreshAgainst({ ...GOOD, expires_in: 120 });
    expect(failed(report.rows)).to.deep.equal(['refresh: expires_in >= 360']);
  });

  it('fails a missing token_type', async () => {
    const rest: Partial<typeof GOOD> = { ...GOOD };
    delete rest.token_type;
    const report = await refreshAgainst(rest);
    expect(failed(report.rows)).to.deep.equal(['refresh: token_type is bearer']);
  });

  it('fails an answer without Cache-Control: no-store', async () => {
    const report = await refreshAgainst(GOOD, {
      'Content-Type': 'application/json',
      'Cache-Control': 'max-age=60',
    });
    expect(failed(report.rows)).to.deep.equal(['refresh: Cache-Control: no-store']);
  });

  it('fails an answer slower than 4.5 s (measured on an injected clock)', async () => {
    nock('https://proxy.example.com').post('/').reply(200, JSON.stringify(GOOD), JSON_HEADERS);
    let t = 0;
    const report = await runDoctor({
      tokenUrl: URL_,
      ...CLIENT,
      refreshToken: 'r',
      now: () => (t += 5000),
    });
    expect(report.rows.find((r) => r.check === 'answered within 4.5 s')).to.include({
      outcome: 'fail',
      detail: '5000 ms',
    });
  });

  it('fails a call that gets no answer before its timeout', async () => {
    nock('https://proxy.example.com')
      .post('/')
      .delay(300)
      .reply(200, JSON.stringify(GOOD), JSON_HEADERS);
    const report = await runDoctor({ tokenUrl: URL_, ...CLIENT, refreshToken: 'r', timeoutMs: 50 });
    expect(report.rows.find((r) => r.step === 'refresh')).to.include({
      check: 'answers',
      outcome: 'fail',
      detail: 'no answer within 50 ms',
    });
  });

  it('fails a code exchange that issues no refresh token, and skips the refresh', async () => {
    const rest: Partial<typeof GOOD> = { ...GOOD };
    delete rest.refresh_token;
    nock('https://proxy.example.com')
      .post(
        '/',
        (b: Record<string, string>) =>
          b['grant_type'] === 'authorization_code' &&
          b['redirect_uri'] === 'https://layla.amazon.com/api/skill/link/M1',
      )
      .reply(200, JSON.stringify(rest), JSON_HEADERS);
    const report = await runDoctor({
      tokenUrl: URL_,
      ...CLIENT,
      code: 'c',
      redirectUri: 'https://layla.amazon.com/api/skill/link/M1',
    });
    expect(failed(report.rows)).to.deep.equal(['code exchange: refresh_token issued']);
    expect(report.rows.at(-1)).to.include({ step: 'refresh', outcome: 'skip' });
  });

  it('fails a token URL that is not https on 443', async () => {
    nock('https://proxy.example.com:8443').post('/').reply(200, JSON.stringify(GOOD), JSON_HEADERS);
    const report = await runDoctor({
      tokenUrl: 'https://proxy.example.com:8443/',
      ...CLIENT,
      refreshToken: 'r',
    });
    expect(failed(report.rows)).to.deep.equal(['token URL: https on port 443']);
  });

  describe('command line', () => {
    /** Runs the doctor command against the proxy as Alexa would, with stdout and stderr joined. */
    const runRemote = async (): Promise<{ code: number; text: string }> => {
      const out: string[] = [];
      const code = await runDoctorCli({
        argv: [URL_],
        env: {
          ALEXA_CLIENT_ID: 'alexa',
          ALEXA_CLIENT_SECRET: CLIENT.clientSecret,
          DOCTOR_REFRESH_TOKEN: 'refresh-0',
        },
        stdout: (t) => out.push(t),
        stderr: (t) => out.push(t),
      });
      return { code, text: out.join('') };
    };

    it('exits 1 and prints the table when a check fails, never the tokens or the secret', async () => {
      nock('https://proxy.example.com')
        .post('/')
        .reply(200, JSON.stringify({ ...GOOD, expires_in: 120 }), JSON_HEADERS);
      const { code, text } = await runRemote();
      expect(code).to.equal(1);
      expect(text).to.match(
        /refresh\s+expires_in >= 360\s+FAIL\s+120: the tokens live under Alexa's 360 s/,
      );
      expect(text).to.include('a token lifetime of at least 420 s');
      expect(text).to.include('doctor: 1 of 11 checks failed');
      for (const secret of [ACCESS, 'refresh-0', 'refresh-1', CLIENT.clientSecret])
        expect(text).not.to.include(secret);
    });

    it('warns, without failing, when the tenant rotates refresh tokens', async () => {
      const run = async (answered: string) => {
        nock('https://proxy.example.com')
          .post('/')
          .reply(200, JSON.stringify({ ...GOOD, refresh_token: answered }), JSON_HEADERS);
        return runRemote();
      };
      const rotating = await run('refresh-1');
      expect(rotating.code).to.equal(0);
      expect(rotating.text).to.match(/refresh\s+refresh tokens do not rotate\s+WARN\s+they rotate/);
      expect(rotating.text).to.include('(1 warning)');
      const kept = await run('refresh-0');
      expect(kept.text).to.match(/refresh tokens do not rotate\s+PASS/);
    });

    it('names a URL that is not one first, before any missing credential, with exit 2', async () => {
      for (const bad of ['not-a-url', 'ftp://proxy.example/']) {
        const err: string[] = [];
        const code = await runDoctorCli({
          argv: [bad],
          env: {},
          stdout: () => undefined,
          stderr: (t) => err.push(t),
        });
        expect(code, bad).to.equal(2);
        expect(err.join(''), bad).to.include(`"${bad}" is not a token URL`);
        expect(err.join(''), bad).not.to.include('client id');
      }
    });

    it('exits 2 naming what is missing when a URL comes without client credentials', async () => {
      const err: string[] = [];
      const code = await runDoctorCli({
        argv: [URL_, '--refresh-token', 'r'],
        env: {},
        stdout: () => undefined,
        stderr: (t) => err.push(t),
      });
      expect(code).to.equal(2);
      expect(err.join('')).to.include(
        'missing the client id (--client-id or ALEXA_CLIENT_ID) and the client secret',
      );
    });

    it('exits 2 when a URL comes without a code or a refresh token', async () => {
      const err: string[] = [];
      const code = await runDoctorCli({
        argv: [URL_],
        env: { ALEXA_CLIENT_ID: 'a', ALEXA_CLIENT_SECRET: 'b' },
        stdout: () => undefined,
        stderr: (t) => err.push(t),
      });
      expect(code).to.equal(2);
      expect(err.join('')).to.include('give a test code');
    });

    it('answers --help with the usage', async () => {
      const out: string[] = [];
      expect(
        await runDoctorCli({
          argv: ['--help'],
          env: {},
          stdout: (t) => out.push(t),
          stderr: () => undefined,
        }),
      ).to.equal(0);
      expect(out.join('')).to.include('Usage: npm run doctor -- [<token-url>]');
    });
  });
});
