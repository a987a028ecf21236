/** The interaction models in `models/<locale>.json`: the shared tools/utterances, re-exported. */
export * from '../../tools/utterances/index.js';
