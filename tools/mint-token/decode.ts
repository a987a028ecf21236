/** Decoding a JWT's header and claims without verifying it, for `--decode` and `--json`. */
import {
  decodeJwt,
  decodeProtectedHeader,
  type JWTPayload,
  type ProtectedHeaderParameters,
} from 'jose';
import { DecodeError } from './errors.js';

/** A JWT's header and claims, unverified. */
export interface DecodedToken {
  readonly header: ProtectedHeaderParameters;
  readonly claims: JWTPayload;
}

/** Decodes `token` without checking its signature; throws {@link DecodeError} when not a JWT. */
export function decodeToken(token: string): DecodedToken {
  try {
    return { header: decodeProtectedHeader(token), claims: decodeJwt(token) };
  } catch (error) {
    throw new DecodeError('not a JWT: cannot decode its header and claims', { cause: error });
  }
}
