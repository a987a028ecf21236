/**
 * Utterances to requests through the interaction model: the shared resolver of tools/utterances
 * (one resolver for the harness and the local simulator), re-exported.
 */
export * from '../../tools/utterances/index.js';
