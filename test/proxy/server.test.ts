import type { AddressInfo } from 'node:net';
import { request as httpRequest, type Server } from 'node:http';
import { expect } from 'chai';
import { createProxyServer } from '../../proxy/index.js';
import {
  CLIENT_ID,
  CLIENT_SECRET,
  NOW_MS,
  UPSTREAM_URL,
  basicAuthorization,
  form,
  secret,
  suiteLogger,
  upstreamAnswers,
} from './support.js';

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** One raw HTTP request to the proxy; `chunks` are written one by one (no content-length). */
function send(
  port: number,
  options: { method?: string; headers?: Record<string, string>; chunks?: readonly string[] },
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: '127.0.0.1',
        port,
        path: '/',
        method: options.method ?? 'POST',
        headers: options.headers,
      },
      (res) => {
        const parts: Buffer[] = [];
        res.on('data', (c: Buffer) => parts.push(c));
        res.on('end', () => {
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(parts).toString(),
          });
        });
      },
    );
    req.on('error', reject);
    for (const chunk of options.chunks ?? []) req.write(chunk);
    req.end();
  });
}

describe('proxy node:http adapter', () => {
  let server: Server;
  let port: number;

  beforeEach(async () => {
    server = createProxyServer({
      upstreamTokenUrl: UPSTREAM_URL,
      allowedClientIds: [CLIENT_ID],
      upstreamTimeoutMs: 200,
      maxBodyBytes: 2048,
      logger: suiteLogger,
      now: () => NOW_MS,
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });

  afterEach(async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) =>
      server.close(() => {
        resolve();
      }),
    );
  });

  it('answers a code exchange with Basic credentials forwarded unchanged', async () => {
    const authorization = basicAuthorization(CLIENT_ID, CLIENT_SECRET);
    const body = form({
      grant_type: 'authorization_code',
      code: secret('http-code-1'),
      redirect_uri: 'https://layla.amazon.com/api/skill/link/M2AAAAAAAAAAAA',
    });
    const seen = upstreamAnswers(200, {
      access_token: secret('http-access-1'),
      token_type: 'Bearer',
    });
    const answer = await send(port, {
      headers: { 'content-type': 'application/x-www-form-urlencoded;charset=UTF-8', authorization },
      chunks: [body],
    });
    expect(answer.status).to.equal(200);
    expect(JSON.parse(answer.body)).to.have.property('expires_in', 3600);
    expect(seen).to.deep.include({ body, calls: 1 });
    expect(seen.headers?.authorization).to.equal(authorization);
  });

  it('sends the JSON and no-cache headers', async () => {
    const answer = await send(port, { method: 'GET' });
    expect(answer.headers).to.include({
      'content-type': 'application/json',
      'cache-control': 'no-store',
      pragma: 'no-cache',
    });
  });

  it('refuses a GET with 405', async () => {
    expect((await send(port, { method: 'GET' })).status).to.equal(405);
  });

  it('refuses a body declared over the cap with 413 without reading it', async () => {
    const answer = await send(port, {
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'content-length': '4096' },
      chunks: ['grant_type=refresh_token&pad=' + 'x'.repeat(4096 - 29)],
    });
    expect(answer.status).to.equal(413);
  });

  it('refuses a streamed body once it passes the cap with 413', async () => {
    const chunk = 'x'.repeat(1000);
    const answer = await send(port, {
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        'transfer-encoding': 'chunked',
      },
      chunks: [`grant_type=refresh_token&pad=${chunk}`, chunk, chunk, chunk],
    });
    expect(answer.status).to.equal(413);
    expect(JSON.parse(answer.body)).to.have.property('error', 'invalid_request');
  });

  it('refuses an unknown content type with 415', async () => {
    const answer = await send(port, { headers: { 'content-type': 'text/xml' }, chunks: ['<a/>'] });
    expect(answer.status).to.equal(415);
  });
});
