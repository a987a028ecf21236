import { expect } from 'chai';
import nock from 'nock';
import {
  createHttpTransport,
  ResponseTooLargeError,
  TransportTimeoutError,
  type TransportRequest,
} from '../../proxy/index.js';
import {
  CLIENT_ID,
  CLIENT_SECRET,
  basicAuthorization,
  formPost,
  json,
  listen,
  makeExchange,
} from './support.js';

function post(body = 'grant_type=refresh_token', timeoutMs = 2000): TransportRequest {
  return {
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body,
    timeoutMs,
    maxResponseBytes: 1024,
  };
}

describe('proxy HTTP transport (node:http, loopback)', () => {
  it('sends the body with its byte length and reads the answer as UTF-8', async () => {
    let seen = { length: '', body: '' };
    const server = await listen((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        seen = {
          length: req.headers['content-length'] ?? '',
          body: Buffer.concat(chunks).toString('utf8'),
        };
        res.writeHead(200, { 'content-type': 'application/json' }).end('{"city":"Zürich"}');
      });
    });
    try {
      const body = 'redirect_uri=https%3A%2F%2Fx&note=grüße';
      const answer = await createHttpTransport()(
        new URL(`http://127.0.0.1:${server.port}/t`),
        post(body),
      );
      expect(answer).to.deep.equal({
        status: 200,
        text: '{"city":"Zürich"}',
        contentType: 'application/json',
      });
      expect(seen).to.deep.equal({ length: String(Buffer.byteLength(body)), body });
    } finally {
      await server.close();
    }
  });

  it('strips a UTF-8 byte order mark, as fetch does', async () => {
    const server = await listen((_req, res) => {
      res.end(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('{"a":1}')]));
    });
    try {
      const answer = await createHttpTransport()(
        new URL(`http://127.0.0.1:${server.port}/`),
        post(),
      );
      expect(answer.text).to.equal('{"a":1}');
    } finally {
      await server.close();
    }
  });

  it('never follows a redirect: the 3xx comes back as an answer', async () => {
    let elsewhere = 0;
    const target = await listen((_req, res) => {
      elsewhere += 1;
      res.end('{}');
    });
    const server = await listen((_req, res) => {
      res.writeHead(308, { location: `http://127.0.0.1:${target.port}/` }).end();
    });
    try {
      const answer = await createHttpTransport()(
        new URL(`http://127.0.0.1:${server.port}/`),
        post(),
      );
      expect(answer.status).to.equal(308);
      expect(elsewhere).to.equal(0);
    } finally {
      await Promise.all([server.close(), target.close()]);
    }
  });

  it('refuses an answer over maxResponseBytes', async () => {
    const server = await listen((_req, res) => {
      res.write('x'.repeat(800));
      res.end('y'.repeat(800));
    });
    try {
      const call = createHttpTransport()(new URL(`http://127.0.0.1:${server.port}/`), post());
      const error = await call.then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).to.be.instanceOf(ResponseTooLargeError);
    } finally {
      await server.close();
    }
  });

  it('rejects with TransportTimeoutError past its deadline and drops the connection', async () => {
    let closed = false;
    const server = await listen((req, res) => {
      res.writeHead(200, { 'content-length': '100' });
      res.write('{');
      req.socket.on('close', () => {
        closed = true;
      });
    });
    try {
      const started = performance.now();
      const error = await createHttpTransport()(
        new URL(`http://127.0.0.1:${server.port}/`),
        post('a=b', 50),
      ).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).to.be.instanceOf(TransportTimeoutError);
      expect(performance.now() - started).to.be.below(50 + 100);
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(closed).to.equal(true);
    } finally {
      await server.close();
    }
  });

  it('rejects a header node:http refuses, sending nothing and leaving no timer behind', async () => {
    let calls = 0;
    const server = await listen((_req, res) => {
      calls += 1;
      res.end('{}');
    });
    try {
      const error = await createHttpTransport()(new URL(`http://127.0.0.1:${server.port}/`), {
        ...post(),
        headers: { authorization: 'Basic YTpi\r\nx-injected: 1' },
        timeoutMs: 30,
      }).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).to.be.instanceOf(TypeError);
      await new Promise((resolve) => setTimeout(resolve, 60));
      expect(calls).to.equal(0);
    } finally {
      await server.close();
    }
  });

  it('rejects when the connection closes in the middle of the body', async () => {
    const server = await listen((_req, res) => {
      res.writeHead(200, { 'content-length': '100' });
      res.write('{"access_token":');
      setTimeout(() => res.destroy(), 10);
    });
    try {
      const started = Date.now();
      const call = createHttpTransport()(new URL(`http://127.0.0.1:${server.port}/`), post());
      const error = await call.then(
        () => undefined,
        (e: unknown) => e,
      );
      // The close itself, seen at once: not the 2 s deadline running out.
      expect(error).to.be.instanceOf(Error).and.not.to.be.instanceOf(TransportTimeoutError);
      expect(Date.now() - started).to.be.below(1000);
    } finally {
      await server.close();
    }
  });
});

// nock's interception (active for every suite, loopback let through) hands node:http a socket of
// its own that the agent does not keep alive; connection reuse is only visible without it. These
// tests reach loopback servers only.
describe('proxy HTTP transport: keep-alive, with nock switched off', () => {
  before(() => {
    nock.restore();
  });
  after(() => {
    nock.activate();
  });

  it('reuses one keep-alive connection for calls one after another', async () => {
    const server = await listen((req, res) => {
      req.resume();
      req.on('end', () => res.end('{}'));
    });
    try {
      const transport = createHttpTransport();
      const url = new URL(`http://127.0.0.1:${server.port}/`);
      for (let i = 0; i < 5; i += 1) await transport(url, post());
      expect(server.connections()).to.equal(1);
    } finally {
      await server.close();
    }
  });

  it('does not reuse a connection idle longer than idleMs by the wall clock (a thawed Lambda)', async () => {
    const server = await listen((req, res) => {
      req.resume();
      req.on('end', () => res.end('{}'));
    });
    try {
      let clock = 1_000_000;
      // Timers do not run while a Lambda is frozen: only the wall clock moves.
      const transport = createHttpTransport({ idleMs: 4000, now: () => clock });
      const url = new URL(`http://127.0.0.1:${server.port}/`);
      await transport(url, post());
      clock += 3999;
      await transport(url, post());
      expect(server.connections()).to.equal(1);
      clock += 4001;
      await transport(url, post());
      expect(server.connections()).to.equal(2);
    } finally {
      await server.close();
    }
  });
});

describe('proxy core over node:http (loopback upstream)', () => {
  const request = () =>
    formPost('grant_type=refresh_token&refresh_token=rt-loopback', {
      authorization: basicAuthorization(CLIENT_ID, CLIENT_SECRET),
    });

  it('answers 504 when the headers come but the body stalls past the deadline', async () => {
    const server = await listen((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': '100' });
      res.write('{"access_token":');
    });
    try {
      const started = performance.now();
      const reply = await makeExchange({
        upstreamTokenUrl: `http://127.0.0.1:${server.port}/oauth/token`,
        upstreamTimeoutMs: 80,
      })(request());
      expect(reply.statusCode).to.equal(504);
      expect(json(reply).error).to.equal('temporarily_unavailable');
      expect(performance.now() - started).to.be.below(80 + 100);
    } finally {
      await server.close();
    }
  });

  it('answers 502 for an answer over 64 KiB, without holding it', async () => {
    const server = await listen((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(`{"access_token":"${'a'.repeat(70 * 1024)}"}`);
    });
    try {
      const reply = await makeExchange({
        upstreamTokenUrl: `http://127.0.0.1:${server.port}/oauth/token`,
      })(request());
      expect(reply.statusCode).to.equal(502);
      expect(json(reply).error).to.equal('server_error');
    } finally {
      await server.close();
    }
  });

  it('answers 502 temporarily_unavailable when the upstream drops the connection mid-answer', async () => {
    const server = await listen((_req, res) => {
      res.writeHead(200, { 'content-length': '100' });
      res.write('{"access_token":');
      setTimeout(() => res.destroy(), 10);
    });
    try {
      const reply = await makeExchange({
        upstreamTokenUrl: `http://127.0.0.1:${server.port}/oauth/token`,
      })(request());
      expect(reply.statusCode).to.equal(502);
      expect(json(reply).error).to.equal('temporarily_unavailable');
    } finally {
      await server.close();
    }
  });
});
