/**
 * The skill's node:http fetch (`common/http-fetch.ts`) against a real loopback server: what the
 * skill's clients read of an answer, redirects never followed, aborts and failures shaped as
 * fetch's, and connections reused until idle by the wall clock.
 */
import { expect } from 'chai';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import nock from 'nock';
import { createHttpFetch } from '../../common/http-fetch.js';

type Route = (req: IncomingMessage, res: ServerResponse) => void;

describe('the skill’s node:http fetch', () => {
  let server: Server;
  let origin: string;
  let routes: Record<string, Route>;
  let requests: string[];
  let connections: number;

  beforeEach(async () => {
    routes = {};
    requests = [];
    connections = 0;
    server = createServer((req, res) => {
      requests.push(`${req.method ?? ''} ${req.url ?? ''}`);
      const route = routes[req.url ?? ''];
      if (route) route(req, res);
      else res.writeHead(404).end();
    });
    server.on('connection', () => (connections += 1));
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterEach(async () => {
    server.closeAllConnections();
    await new Promise((done) => server.close(done));
  });

  it('answers status, headers, and a body read once as JSON or text', async () => {
    routes['/json'] = (req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json', 'X-Seen': req.headers['x-ask'] });
      res.end('{"a":[1,2]}');
    };
    const fetch = createHttpFetch();
    const answer = await fetch(`${origin}/json`, { headers: { 'X-Ask': 'yes' } });
    expect(answer).to.include({ status: 200, ok: true, url: `${origin}/json` });
    expect(answer.headers.get('content-type')).to.equal('application/json');
    expect(answer.headers.get('X-SEEN')).to.equal('yes');
    expect(answer.headers.get('absent')).to.equal(null);
    expect(await answer.json()).to.deep.equal({ a: [1, 2] });
    expect(answer.bodyUsed).to.equal(true);
    let again: unknown;
    await answer.text().catch((error: unknown) => (again = error));
    expect(again).to.be.instanceOf(TypeError);
  });

  it('streams a body through a reader to its end, or cancels it', async () => {
    routes['/big'] = (_req, res) => {
      res.writeHead(200);
      res.write('x'.repeat(1000));
      setTimeout(() => res.end('y'), 20);
    };
    const fetch = createHttpFetch();
    const answer = await fetch(`${origin}/big`);
    const body = answer.body as ReadableStream<Uint8Array>;
    expect(body.locked).to.equal(false);
    const reader = body.getReader();
    expect(body.locked).to.equal(true);
    let text = '';
    for (let step = await reader.read(); !step.done; step = await reader.read()) {
      text += Buffer.from(step.value).toString();
    }
    expect(text).to.equal(`${'x'.repeat(1000)}y`);
    expect(await reader.read()).to.deep.equal({ done: true, value: undefined });
    reader.releaseLock();
    let again: unknown;
    await answer.text().catch((error: unknown) => (again = error));
    expect(again).to.be.instanceOf(TypeError);

    const cancelled = await fetch(`${origin}/big`);
    const early = (cancelled.body as ReadableStream<Uint8Array>).getReader();
    expect((await early.read()).value?.byteLength).to.be.greaterThan(0);
    await early.cancel();
    expect(cancelled.bodyUsed).to.equal(true);
  });

  it('iterates a body with for await, and cancels it unread', async () => {
    routes['/lines'] = (_req, res) => {
      res.writeHead(200);
      res.write('one,');
      setTimeout(() => res.end('two'), 10);
    };
    const fetch = createHttpFetch();
    const answer = await fetch(`${origin}/lines`);
    const chunks: string[] = [];
    for await (const chunk of answer.body as unknown as AsyncIterable<Uint8Array>) {
      chunks.push(Buffer.from(chunk).toString());
    }
    expect(chunks.join('')).to.equal('one,two');
    expect(answer.bodyUsed).to.equal(true);
    const unread = await fetch(`${origin}/lines`);
    await unread.body?.cancel();
    expect(await fetch(`${origin}/lines`).then((r) => r.text())).to.equal('one,two');
  });

  it('gives no body for 204, and not-ok for an error status', async () => {
    routes['/empty'] = (_req, res) => res.writeHead(204).end();
    const fetch = createHttpFetch();
    const empty = await fetch(`${origin}/empty`);
    expect(empty.body).to.equal(null);
    expect(await empty.text()).to.equal('');
    const missing = await fetch(`${origin}/nowhere`);
    expect(missing).to.include({ status: 404, ok: false });
  });

  it('never follows a redirect: manual answers the 3xx, error rejects, follow is refused', async () => {
    routes['/moved'] = (_req, res) => res.writeHead(302, { location: `${origin}/json` }).end();
    const fetch = createHttpFetch();
    expect((await fetch(`${origin}/moved`, { redirect: 'manual' })).status).to.equal(302);
    for (const redirect of ['error', 'follow'] as const) {
      let failure: unknown;
      await fetch(`${origin}/moved`, { redirect }).catch((error: unknown) => (failure = error));
      expect(failure, redirect).to.be.instanceOf(TypeError);
    }
    expect(requests.filter((r) => r.endsWith('/json'))).to.deep.equal([]);
  });

  it('rejects with the signal’s reason when aborted before the answer, and errors the body after', async () => {
    routes['/stall'] = () => undefined;
    routes['/half'] = (_req, res) => {
      res.writeHead(200);
      res.write('{"a":');
    };
    const fetch = createHttpFetch();
    let early: unknown;
    await fetch(`${origin}/stall`, { signal: AbortSignal.timeout(30) }).catch(
      (error: unknown) => (early = error),
    );
    expect((early as Error).name).to.equal('TimeoutError');
    const controller = new AbortController();
    const answer = await fetch(`${origin}/half`, { signal: controller.signal });
    controller.abort(new Error('gave up'));
    let late: unknown;
    await answer.text().catch((error: unknown) => (late = error));
    expect((late as Error).message).to.equal('gave up');
    let already: unknown;
    await fetch(`${origin}/json`, { signal: controller.signal }).catch(
      (error: unknown) => (already = error),
    );
    expect((already as Error).message).to.equal('gave up');
  });

  it('rejects a network failure as fetch does, and what is not http', async () => {
    const closed = createServer();
    await new Promise<void>((done) => closed.listen(0, '127.0.0.1', done));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((done) => closed.close(done));
    let failure: unknown;
    await createHttpFetch()(`http://127.0.0.1:${port}/`).catch(
      (error: unknown) => (failure = error),
    );
    expect(failure).to.be.instanceOf(TypeError);
    expect((failure as Error).message).to.equal('fetch failed');
    expect((failure as { cause?: { code?: string } }).cause?.code).to.equal('ECONNREFUSED');
    let ftp: unknown;
    await createHttpFetch()('ftp://127.0.0.1/').catch((error: unknown) => (ftp = error));
    expect(ftp).to.be.instanceOf(TypeError);
  });

  // nock's interception (on for every suite, loopback let through) hands node:http sockets the
  // agent does not keep alive: reuse is only visible with nock off (see the proxy transport's test).
  it('reuses a connection, but not one idle longer than idleMs by the wall clock', async () => {
    nock.restore();
    try {
      await reuse();
    } finally {
      nock.activate();
    }
  });

  async function reuse(): Promise<void> {
    routes['/ok'] = (_req, res) => res.end('ok');
    let clock = 0;
    const fetch = createHttpFetch({ idleMs: 1000, now: () => clock });
    await (await fetch(`${origin}/ok`)).text();
    await new Promise((resolve) => setImmediate(resolve));
    await (await fetch(`${origin}/ok`)).text();
    expect(connections).to.equal(1);
    await new Promise((resolve) => setImmediate(resolve));
    clock += 1001; // a Lambda frozen meanwhile: no timer ran
    await (await fetch(`${origin}/ok`)).text();
    expect(connections).to.equal(2);
  }
});
