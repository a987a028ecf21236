/** Lambda Function URL events (payload 2.0) for the proxy's tests, bundle checks and benchmark. */
import type { APIGatewayProxyEventV2 } from 'aws-lambda';

export interface FunctionUrlEventOptions {
  /** Default POST. */
  readonly method?: string;
  /** Added to (or replacing) the defaults: a form content type and the URL's host. */
  readonly headers?: Record<string, string>;
  /** Send the body base64-encoded, as Lambda does for some content types. */
  readonly base64?: boolean;
  /** Lambda's request id. Default `lambda-request-1`. */
  readonly requestId?: string;
}

/** A Function URL event, as Lambda delivers it: header names in lower case. */
export function functionUrlEvent(
  body: string | undefined,
  options: FunctionUrlEventOptions = {},
): APIGatewayProxyEventV2 {
  return {
    version: '2.0',
    routeKey: '$default',
    rawPath: '/',
    rawQueryString: '',
    headers: {
      'content-type': 'application/x-www-form-urlencoded;charset=UTF-8',
      host: 'abc.lambda-url.eu-west-1.on.aws',
      ...options.headers,
    },
    requestContext: {
      accountId: 'anonymous',
      apiId: 'abc',
      domainName: 'abc.lambda-url.eu-west-1.on.aws',
      domainPrefix: 'abc',
      http: {
        method: options.method ?? 'POST',
        path: '/',
        protocol: 'HTTP/1.1',
        sourceIp: '203.0.113.9',
        userAgent: 'Apache-HttpClient',
      },
      requestId: options.requestId ?? 'lambda-request-1',
      routeKey: '$default',
      stage: '$default',
      time: '01/Nov/2026:00:00:00 +0000',
      timeEpoch: 0,
    },
    ...(body === undefined
      ? {}
      : { body: options.base64 === true ? Buffer.from(body).toString('base64') : body }),
    isBase64Encoded: options.base64 === true,
  };
}
