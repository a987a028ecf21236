export {
  defaultCacheDir,
  mintToken,
  type MintedToken,
  type MintTokenOptions,
} from './mint-token.js';
export { decodeToken, type DecodedToken } from './decode.js';
export { withDotEnv } from './dotenv.js';
export { MINT_TOKEN_USAGE, runMintTokenCli, UsageError, type MintTokenCliIo } from './cli.js';
export {
  BadCredentialsError,
  DecodeError,
  InvalidResponseError,
  MintOptionsError,
  MintTokenError,
  NetworkError,
  TimeoutError,
  TokenEndpointError,
  UnauthorizedClientError,
  UnknownAudienceError,
  type EndpointAnswer,
} from './errors.js';
