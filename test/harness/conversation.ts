/**
 * Conversations with this skill: the harness package's {@link conversation} with the en-US
 * weather model (or the locale's), the fixed clock, the user in Chicago (what `nockAlexaApi`
 * serves) and this project's `apiAccessToken`.
 */
import { conversation, type Conversation, type ConversationOptions } from 'alexa-skill-harness';
import { loadLocaleModel } from '../../tools/utterances/index.js';
import { TEST_API_ACCESS_TOKEN } from './requests.js';
import { TEST_NOW } from './tokens.js';

/** {@link ConversationOptions} with this skill's defaults; `model` defaults to the locale's. */
export type SkillConversationOptions = Omit<ConversationOptions, 'model'> & {
  readonly model?: ConversationOptions['model'];
};

/** A conversation with this skill (see the module comment). */
export function skillConversation(options: SkillConversationOptions): Conversation {
  return conversation({
    now: TEST_NOW,
    timeZone: 'America/Chicago',
    apiAccessToken: TEST_API_ACCESS_TOKEN,
    ...options,
    model: options.model ?? loadLocaleModel(options.locale ?? 'en-US'),
  });
}
