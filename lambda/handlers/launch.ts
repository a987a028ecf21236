/** LaunchRequest: "Alexa, open weather wardrobe". Needs a linked account. */
import { getRequestType, type RequestHandler } from 'ask-sdk-core';
import { refuseWithoutAccount } from './account-linking.js';
import { requestState } from './state.js';

export const launchHandler: RequestHandler = {
  canHandle: (input) => getRequestType(input.requestEnvelope) === 'LaunchRequest',
  handle(input) {
    const refused = refuseWithoutAccount(input);
    if (refused) return refused;
    requestState(input).outcome = 'welcome';
    return input.responseBuilder
      .speak(
        'Welcome to Weather Wardrobe. Ask me what to wear today, or in a city on another day. What would you like to know?',
      )
      .reprompt('You can say, what should I wear tomorrow in Chicago.')
      .getResponse();
  },
};
