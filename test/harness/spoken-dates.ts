/** What Alexa's AMAZON.DATE slot makes of spoken words: the shared tools/utterances, re-exported. */
export * from '../../tools/utterances/index.js';
