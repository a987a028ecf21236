/** Phrases of Amazon's built-in intents, heard for an intent when the model declares it. */
export const BUILT_IN_SAMPLES: Readonly<Record<string, readonly string[]>> = {
  'AMAZON.HelpIntent': [
    'help',
    'help me',
    'what can you do',
    'what can I do',
    'what can I say',
    'what can you say',
    'how does this work',
  ],
  'AMAZON.StopIntent': ['stop', 'shut up', 'be quiet', 'off', 'quit', 'exit', 'goodbye', 'bye'],
  'AMAZON.CancelIntent': ['cancel', 'never mind', 'nevermind', 'forget it'],
  'AMAZON.NavigateHomeIntent': ['go home', 'home'],
  'AMAZON.YesIntent': ['yes', 'yeah', 'yep', 'sure'],
  'AMAZON.NoIntent': ['no', 'nope', 'no thanks'],
};
