import { expect } from 'chai';
import type { ResponseEnvelope } from 'ask-sdk-model';
import { SkillBuilders } from 'ask-sdk-core';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  HarnessOptionError,
  inProcess,
  launchRequest,
  overHttp,
  overLambdaInvoke,
  serveOnLoopback,
  TransportError,
} from 'alexa-skill-harness';

const answer: ResponseEnvelope = { version: '1.0', response: { shouldEndSession: true } };

describe('transports', () => {
  it('call a Lambda-style handler in-process with a copy of the envelope and the context', async () => {
    const envelope = launchRequest();
    let seen: unknown[] = [];
    const reply = await inProcess(
      (event, context) => {
        seen = [event, context];
        return Promise.resolve(answer);
      },
      { awsRequestId: 'x' },
    )(envelope);
    expect(reply).to.equal(answer);
    expect(seen[0]).to.deep.equal(envelope);
    expect(seen[0]).not.to.equal(envelope);
    expect(seen[1]).to.deep.equal({ awsRequestId: 'x' });
  });

  it('POST the envelope as JSON over HTTP and parse the answer', async () => {
    let received: unknown;
    const server = await serveOnLoopback((event) => {
      received = event;
      return Promise.resolve(answer);
    });
    try {
      const envelope = launchRequest();
      expect(await overHttp(server.url)(envelope)).to.deep.equal(answer);
      expect(received).to.deep.equal(envelope);
    } finally {
      await server.close();
    }
  });

  it('reject with the status and body when the endpoint fails', async () => {
    const server = await serveOnLoopback(() => Promise.reject(new RangeError('boom')));
    try {
      let thrown: unknown;
      try {
        await overHttp(server.url)(launchRequest());
      } catch (error) {
        thrown = error;
      }
      expect(thrown).to.be.instanceOf(TransportError);
      expect(thrown).to.include({ code: 'ERR_TRANSPORT', status: 500 });
      expect((thrown as TransportError).body).to.include('RangeError');
    } finally {
      await server.close();
    }
  });

  /** Awaits `promise`, expecting a rejection; returns the error. */
  async function rejection(promise: Promise<unknown>): Promise<Error> {
    let thrown: unknown;
    await promise.catch((error: unknown) => (thrown = error));
    expect(thrown, 'expected a rejection').to.be.instanceOf(Error);
    return thrown as Error;
  }

  const hello = SkillBuilders.custom().addRequestHandlers({
    canHandle: () => true,
    handle: (input) => input.responseBuilder.speak('hello').getResponse(),
  });

  it('drive a callback-style handler (ask-sdk .lambda()), warning that nodejs24.x refuses it', async () => {
    const warnings: Error[] = [];
    const listen = (w: Error) => warnings.push(w);
    process.on('warning', listen);
    try {
      const transport = inProcess(hello.lambda());
      const reply = await transport(launchRequest());
      await transport(launchRequest());
      expect(reply.response.outputSpeech).to.deep.include({ ssml: '<speak>hello</speak>' });
      await new Promise((resolve) => setImmediate(resolve));
    } finally {
      process.off('warning', listen);
    }
    expect(warnings).to.have.length(1);
    expect(warnings[0]?.message).to.include('nodejs24.x');
  });

  it('pass on the error a callback-style handler reports', async () => {
    const failing = (_e: unknown, _c: unknown, callback: (error: unknown) => void) => {
      callback(new RangeError('broken'));
    };
    expect(await rejection(inProcess(failing)(launchRequest()))).to.be.instanceOf(RangeError);
  });

  it('drive an ask-sdk Skill through its invoke', async () => {
    const reply = await inProcess(hello.create())(launchRequest());
    expect(reply.response.outputSpeech).to.deep.include({ ssml: '<speak>hello</speak>' });
  });

  it('say what is wrong when a handler answers nothing, and refuse what is no skill', async () => {
    const silent = () => Promise.resolve(undefined as unknown as ResponseEnvelope);
    const error = await rejection(inProcess(silent)(launchRequest()));
    expect(error).to.be.instanceOf(TransportError);
    expect(error.message).to.include('LaunchRequest with nothing');
    expect(() => inProcess({} as never)).to.throw(HarnessOptionError, /Lambda handler/);
  });

  it('reject an endpoint that cannot be reached, or answers no envelope', async () => {
    const down = await rejection(overHttp('http://127.0.0.1:9/')(launchRequest()));
    expect(down).to.be.instanceOf(TransportError).with.property('message').include('reached');
    const server = await serveOnLoopback(() =>
      Promise.resolve({ not: 'an envelope' } as unknown as ResponseEnvelope),
    );
    try {
      const error = await rejection(overHttp(server.url)(launchRequest()));
      expect(error.message).to.include('not a response envelope');
    } finally {
      await server.close();
    }
    expect(() => overHttp('ftp://example.com')).to.throw(HarnessOptionError, /http\(s\) URL/);
  });

  describe('through the Lambda Invoke API', () => {
    let server: Server;
    let url: string;
    let seen: { path?: string; body?: unknown };
    let functionError: string | undefined;

    beforeEach(async () => {
      seen = {};
      functionError = undefined;
      server = createServer((request, response) => {
        let body = '';
        request.on('data', (chunk: Buffer) => (body += chunk.toString()));
        request.on('end', () => {
          seen = { path: request.url, body: JSON.parse(body) };
          response.writeHead(200, {
            'content-type': 'application/json',
            ...(functionError === undefined ? {} : { 'x-amz-function-error': functionError }),
          });
          response.end(
            JSON.stringify(
              functionError === undefined ? answer : { errorMessage: 'boom', errorType: 'Error' },
            ),
          );
        });
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    });

    afterEach(
      () =>
        new Promise<void>((resolve) => {
          server.close(() => {
            resolve();
          });
        }),
    );

    it('invoke the function with the envelope as its payload', async () => {
      const envelope = launchRequest();
      expect(await overLambdaInvoke(url, 'greeter')(envelope)).to.deep.equal(answer);
      expect(seen).to.deep.equal({
        path: '/2015-03-31/functions/greeter/invocations',
        body: envelope,
      });
    });

    it('reject a function error', async () => {
      functionError = 'Unhandled';
      const error = await rejection(overLambdaInvoke(url, 'greeter')(launchRequest()));
      expect(error).to.be.instanceOf(TransportError);
      expect(error.message).to.include('Unhandled');
    });
  });
});
