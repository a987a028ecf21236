/** The provider profiles, by `UPSTREAM_PROFILE` name. Add one module per provider here. */
import type { UpstreamProfile } from './profile.js';
import { standardProfile } from './standard.js';
import { withingsProfile } from './withings.js';

export type { UpstreamProfile } from './profile.js';

export const UPSTREAM_PROFILES: Readonly<Record<string, UpstreamProfile>> = Object.freeze({
  standard: standardProfile,
  withings: withingsProfile,
});

/** The names `UPSTREAM_PROFILE` accepts. */
export const UPSTREAM_PROFILE_NAMES = Object.keys(UPSTREAM_PROFILES) as readonly string[];

/** The profile named `name`, or undefined. */
export function upstreamProfile(name: string): UpstreamProfile | undefined {
  return Object.hasOwn(UPSTREAM_PROFILES, name) ? UPSTREAM_PROFILES[name] : undefined;
}
