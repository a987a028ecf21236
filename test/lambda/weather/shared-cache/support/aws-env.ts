/** The AWS SDK's environment for tests: a loopback DynamoDB and nothing the SDK could look beyond. */

/** The SDK's settings for a loopback DynamoDB, as the environment gives them to the skill. */
export function awsEnvironment(endpoint: string): Record<string, string> {
  return {
    AWS_REGION: 'us-east-1',
    AWS_ACCESS_KEY_ID: 'AKIDTESTFAKE',
    AWS_SECRET_ACCESS_KEY: 'test-fake-secret',
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_ENDPOINT_URL_DYNAMODB: endpoint,
    // No profile files: the environment's credentials are the only ones.
    AWS_CONFIG_FILE: '/nonexistent/aws-config',
    AWS_SHARED_CREDENTIALS_FILE: '/nonexistent/aws-credentials',
    // The SDK warns on Node 20 about its future versions; the tests run on 20 and 24.
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
  };
}
