/** Every intent the skill handles: the handlers match on these names, and tests compare them with the models. */
export const INTENTS = {
  wear: 'WhatShouldIWearIntent',
  help: 'AMAZON.HelpIntent',
  stop: 'AMAZON.StopIntent',
  cancel: 'AMAZON.CancelIntent',
  navigateHome: 'AMAZON.NavigateHomeIntent',
  fallback: 'AMAZON.FallbackIntent',
} as const;

export const HANDLED_INTENTS: readonly string[] = Object.values(INTENTS);
