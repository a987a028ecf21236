/** How a conversation reaches the skill: in-process, over HTTP, or through the Lambda Invoke API. */
export {
  inProcess,
  lambdaContext,
  type InProcessTarget,
  type LambdaCallback,
} from './in-process.js';
export { overHttp, overLambdaInvoke, type HttpTransportOptions } from './over-http.js';
export { serveOnLoopback } from './serve-on-loopback.js';
export { TransportError, type Transport } from './transport.js';
