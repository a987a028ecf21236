// A small third-party skill, in plain JavaScript: it greets linked users by name, counts, tells
// them their email (Customer Profile API), and verifies access tokens with jose. It knows nothing
// of the harness: the harness package's tests drive it only through the packed tarball.
import Alexa from 'ask-sdk-core';
import { createRemoteJWKSet, jwtVerify } from 'jose';

const EMAIL_PERMISSION = 'alexa::profile:email:read';

/** The greeter as an ask-sdk skill builder, trusting `issuer` for tokens for `audience` with `scope`. */
export function greeterBuilder({ issuer, audience, scope }) {
  const keys = createRemoteJWKSet(new URL('.well-known/jwks.json', issuer));

  async function linked(input) {
    const token = Alexa.getAccountLinkingAccessToken(input.requestEnvelope);
    if (!token) return false;
    try {
      const { payload } = await jwtVerify(token, keys, {
        issuer,
        audience,
        algorithms: ['RS256'],
        requiredClaims: ['exp'],
      });
      return String(payload.scope ?? '')
        .split(' ')
        .includes(scope);
    } catch {
      return false;
    }
  }

  const askToLink = (input) =>
    input.responseBuilder
      .speak('Please link your greeter account in the Alexa app.')
      .withLinkAccountCard()
      .withShouldEndSession(true)
      .getResponse();

  const is = (type, intent) => (input) =>
    Alexa.getRequestType(input.requestEnvelope) === type &&
    (intent === undefined || Alexa.getIntentName(input.requestEnvelope) === intent);

  const needsLink = (canHandle, handle) => ({
    canHandle,
    async handle(input) {
      return (await linked(input)) ? handle(input) : askToLink(input);
    },
  });

  return Alexa.SkillBuilders.custom()
    .addRequestHandlers(
      needsLink(is('LaunchRequest'), (input) =>
        input.responseBuilder
          .speak('Hello! Who should I greet?')
          .reprompt('Who should I greet?')
          .getResponse(),
      ),
      needsLink(is('IntentRequest', 'GreetIntent'), (input) => {
        const name = Alexa.getSlotValue(input.requestEnvelope, 'name');
        if (!name) {
          return input.responseBuilder
            .speak('Who should I greet?')
            .reprompt('Who should I greet?')
            .addElicitSlotDirective('name')
            .getResponse();
        }
        return input.responseBuilder
          .speak(`Hello, <emphasis>${name}</emphasis>!`)
          .withSimpleCard('Greeter', `Hello, ${name}!`)
          .withShouldEndSession(true)
          .getResponse();
      }),
      needsLink(is('IntentRequest', 'CountIntent'), (input) => {
        const count = Alexa.getSlotValue(input.requestEnvelope, 'count');
        return input.responseBuilder.speak(`Counting to ${count}.`).getResponse();
      }),
      needsLink(is('IntentRequest', 'MoodIntent'), (input) => {
        const slot = Alexa.getSlot(input.requestEnvelope, 'mood');
        const match = slot?.resolutions?.resolutionsPerAuthority?.[0];
        const id = match?.status.code === 'ER_SUCCESS_MATCH' ? match.values[0].value.id : 'UNKNOWN';
        return input.responseBuilder.speak(`You feel ${id.toLowerCase()}.`).getResponse();
      }),
      needsLink(is('IntentRequest', 'EmailIntent'), async (input) => {
        try {
          const email = await input.serviceClientFactory.getUpsServiceClient().getProfileEmail();
          return input.responseBuilder.speak(`Your email is ${email}.`).getResponse();
        } catch (error) {
          if (error.statusCode === 403) {
            return input.responseBuilder
              .speak('Please allow the greeter to read your email in the Alexa app.')
              .withAskForPermissionsConsentCard([EMAIL_PERMISSION])
              .getResponse();
          }
          return input.responseBuilder.speak('Sorry, I could not read your email.').getResponse();
        }
      }),
      {
        canHandle: is('IntentRequest', 'AMAZON.HelpIntent'),
        handle: (input) =>
          input.responseBuilder.speak('Say: greet Ada.').reprompt('Say: greet Ada.').getResponse(),
      },
      {
        canHandle: (input) =>
          is('IntentRequest', 'AMAZON.StopIntent')(input) ||
          is('IntentRequest', 'AMAZON.CancelIntent')(input),
        handle: (input) =>
          input.responseBuilder.speak('Goodbye!').withShouldEndSession(true).getResponse(),
      },
      {
        canHandle: is('SessionEndedRequest'),
        handle: (input) => input.responseBuilder.getResponse(),
      },
      {
        canHandle: () => true,
        handle: (input) =>
          input.responseBuilder.speak('Sorry, I can only greet people.').getResponse(),
      },
    )
    .withApiClient(new Alexa.DefaultApiClient());
}

/** The greeter's Lambda handler, as the nodejs24.x runtime wants it: async. */
export function greeterHandler(options) {
  const skill = greeterBuilder(options).create();
  return async (event, context) => skill.invoke(event, context);
}
