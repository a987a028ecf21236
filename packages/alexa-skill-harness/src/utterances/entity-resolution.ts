/** Slot values as Alexa sends them, and the entity resolution it attaches to custom slot types. */
import type { Slot, slu } from 'ask-sdk-model';

/** A skill id of the right shape, for entity-resolution authorities when no skill id is given. */
export const PLACEHOLDER_SKILL_ID = 'amzn1.ask.skill.00000000-0000-4000-8000-000000000001';

/** A slot as a request carries it: a value, and optionally what entity resolution matched. */
export interface SlotInput {
  readonly value?: string;
  /** The entity resolution to attach (see {@link entityResolution}). */
  readonly resolutions?: slu.entityresolution.Resolutions;
  readonly confirmationStatus?: Slot['confirmationStatus'];
}

/**
 * Entity resolution as Alexa attaches it for a custom slot type: `ER_SUCCESS_MATCH` with the
 * canonical value and id when `match` is given, else `ER_SUCCESS_NO_MATCH`. The authority names
 * `skillId` (default {@link PLACEHOLDER_SKILL_ID}).
 */
export function entityResolution(
  typeName: string,
  match?: { readonly name: string; readonly id?: string },
  skillId: string = PLACEHOLDER_SKILL_ID,
): slu.entityresolution.Resolutions {
  return {
    resolutionsPerAuthority: [
      {
        authority: `amzn1.er-authority.echo-sdk.${skillId}.${typeName}`,
        status: { code: match === undefined ? 'ER_SUCCESS_NO_MATCH' : 'ER_SUCCESS_MATCH' },
        values:
          match === undefined
            ? []
            : [{ value: { name: match.name, id: match.id ?? match.name.toUpperCase() } }],
      },
    ],
  };
}

/** The entity resolution of a resolved slot, if any (a convenience for assertions). */
export function resolutionOf(
  slot: SlotInput | undefined,
): slu.entityresolution.Resolution | undefined {
  return slot?.resolutions?.resolutionsPerAuthority?.[0];
}
