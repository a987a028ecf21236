/** The AWS Lambda Function URL adapter (payload 2.0): event -> core -> result, nothing more. */
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import type { TokenExchange } from './exchange.js';

/** An async Function URL handler. */
export type FunctionUrlHandler = (
  event: APIGatewayProxyEventV2,
) => Promise<APIGatewayProxyStructuredResultV2>;

/** Wraps the core for Lambda Function URLs; base64 bodies are decoded by the core. */
export function createFunctionUrlHandler(exchange: TokenExchange): FunctionUrlHandler {
  return async (event) => {
    const reply = await exchange(
      {
        method: event.requestContext.http.method,
        // The type says headers are always there; a direct invocation (not through the Function
        // URL) may carry none at all.
        // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition
        headers: event.headers ?? {},
        body: event.body,
        isBase64Encoded: event.isBase64Encoded,
      },
      { requestId: event.requestContext.requestId },
    );
    return {
      statusCode: reply.statusCode,
      headers: { ...reply.headers },
      body: reply.body,
      isBase64Encoded: false,
    };
  };
}
