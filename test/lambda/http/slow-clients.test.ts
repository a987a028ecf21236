/**
 * Slow clients of the two node:http servers (the skill endpoint and the proxy's local adapter):
 * a body that stalls after its headers, headers that never end, and many of them at once. Each
 * is cut off on time and the servers keep answering others.
 */
import type { Server } from 'node:http';
import { connect, type Socket } from 'node:net';
import { expect } from 'chai';
import { closeServer, listenOn } from '../../../common/index.js';
import { startSkillHttpEndpoint, type SkillHttpEndpoint } from '../../../lambda/http/index.js';
import { createProxyServer } from '../../../proxy/index.js';
import { launchRequest } from '../../harness/requests.js';

const RESPONSE = { version: '1.0', response: {} };

interface Outcome {
  /** The status line, when anything was answered. */
  readonly statusLine: string | undefined;
  readonly text: string;
  /** From the first byte written to the socket's close, ms. */
  readonly closedAfterMs: number;
}

/** Opens a raw connection, writes `head` (and nothing more), and resolves when it closes. */
function stall(port: number, head: string, limitMs = 15_000): Promise<Outcome> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const socket: Socket = connect(port, '127.0.0.1', () => socket.write(head));
    let text = '';
    socket.on('data', (d: Buffer) => (text += d.toString('latin1')));
    socket.on('error', () => undefined); // a reset is a close too
    const guard = setTimeout(() => {
      socket.destroy();
      reject(new Error(`the server still held the connection after ${limitMs} ms`));
    }, limitMs);
    socket.on('close', () => {
      clearTimeout(guard);
      resolve({
        statusLine: text === '' ? undefined : text.split('\r\n')[0],
        text,
        closedAfterMs: Date.now() - started,
      });
    });
  });
}

const BODY_HEAD = (length: number) =>
  `POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: ${length}\r\n\r\n{"version":`;
const HEADERS_ONLY = 'POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/js';

async function answers(url: string, body: string): Promise<number> {
  const res = await fetch(url, {
    method: 'POST',
    body,
    headers: { 'content-type': 'application/json' },
  });
  await res.arrayBuffer();
  return res.status;
}

describe('slow clients: bodies and headers that stall are cut off on time', function () {
  this.timeout(30_000);

  describe('the skill endpoint', () => {
    let endpoint: SkillHttpEndpoint | undefined;
    afterEach(async () => {
      await endpoint?.stop();
      endpoint = undefined;
    });

    it('answers 408 and closes a body that stalls after its headers, by the body deadline', async () => {
      endpoint = await startSkillHttpEndpoint({
        mode: 'local',
        skill: { invoke: () => Promise.resolve(RESPONSE) },
        bodyTimeoutMs: 300,
      });
      const outcome = await stall(endpoint.port, BODY_HEAD(4000));
      expect(outcome.statusLine).to.equal('HTTP/1.1 408 Request Timeout');
      expect(outcome.text).to.include('"error":"ERR_BODY_TIMEOUT"');
      expect(outcome.closedAfterMs).to.be.within(250, 3000);
    });

    it('closes a connection whose headers never end, within the headers deadline', async () => {
      endpoint = await startSkillHttpEndpoint({
        mode: 'local',
        skill: { invoke: () => Promise.resolve(RESPONSE) },
        headersTimeoutMs: 500,
      });
      const outcome = await stall(endpoint.port, HEADERS_ONLY);
      // Node answers 408 and closes, checking once a second.
      expect(outcome.closedAfterMs).to.be.within(400, 3000);
      if (outcome.statusLine !== undefined) expect(outcome.statusLine).to.include('408');
    });

    it('cuts off 200 stalled connections at once, and answers a real request meanwhile', async () => {
      const seen: unknown[] = [];
      endpoint = await startSkillHttpEndpoint({
        mode: 'local',
        skill: {
          invoke: (event) => {
            seen.push(event);
            return Promise.resolve(RESPONSE);
          },
        },
        bodyTimeoutMs: 400,
        headersTimeoutMs: 400,
      });
      const port = endpoint.port;
      const stalled = Array.from({ length: 200 }, (_, i) =>
        stall(port, i % 2 === 0 ? BODY_HEAD(4000) : HEADERS_ONLY),
      );
      expect(await answers(endpoint.url, JSON.stringify(launchRequest()))).to.equal(200);
      const outcomes = await Promise.all(stalled);
      expect(Math.max(...outcomes.map((o) => o.closedAfterMs))).to.be.below(3000);
      expect(seen).to.have.length(1);
    });
  });

  describe("the proxy's local adapter", () => {
    let server: Server | undefined;
    afterEach(async () => {
      if (server !== undefined) await closeServer(server);
      server = undefined;
    });

    it('answers 408 (JSON, no-store) and closes a stalled body without calling the upstream', async () => {
      let upstreamCalls = 0;
      server = createProxyServer({
        upstreamTokenUrl: 'https://tenant.example.com/oauth/token',
        allowedClientIds: ['alexa'],
        bodyTimeoutMs: 300,
        transport: () => {
          upstreamCalls += 1;
          return Promise.reject(new Error('the upstream must not be called'));
        },
      });
      const { port } = await listenOn(server, 0, '127.0.0.1');
      const head = `POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 400\r\n\r\ngrant_type=refresh_token&`;
      const outcome = await stall(port, head);
      expect(outcome.statusLine).to.equal('HTTP/1.1 408 Request Timeout');
      expect(outcome.text.toLowerCase()).to.include('cache-control: no-store');
      expect(outcome.text).to.include('"error":"invalid_request"');
      expect(outcome.closedAfterMs).to.be.within(250, 3000);
      expect(upstreamCalls).to.equal(0);
    });
  });
});
