// @ts-check
/**
 * What every mutation-testing group shares (see scripts/mutation.ts and README "Mutation
 * testing"). Stryker 9 (Node 20) with its mocha runner; mocha 11 (the runner reads mocha's CLI
 * helpers by their pre-12 names). The runner loads mocha in-process and does not apply
 * .mocharc's node options, so tsx is loaded through the test runner's node arguments.
 */

/**
 * One group's options. `breakAt` is the score the group reached, rounded down: under it,
 * `stryker run` (and so `npm run test:mutation` and CI) fails.
 * @param {string} group
 * @param {{ mutate: string[], spec: string[], breakAt: number }} options
 * @returns {import('@stryker-mutator/api/core').PartialStrykerOptions}
 */
export function mutationGroup(group, { mutate, spec, breakAt }) {
  return {
    packageManager: 'npm',
    testRunner: 'mocha',
    testRunnerNodeArgs: ['--import=tsx'],
    mochaOptions: { config: '.mocharc.json', spec },
    mutate,
    coverageAnalysis: 'perTest',
    concurrency: 2,
    timeoutMS: 10_000,
    reporters: ['clear-text', 'json', 'progress'],
    jsonReporter: { fileName: `reports/mutation/${group}.json` },
    clearTextReporter: { allowColor: false, logTests: false, reportScoreTable: true },
    thresholds: { high: 95, low: 85, break: breakAt },
    tempDirName: `.stryker-tmp/${group}`,
    cleanTempDir: 'always',
    ignorePatterns: ['.build', 'coverage', 'reports', '.stryker-tmp', '.ask'],
    plugins: ['@stryker-mutator/mocha-runner', './stryker/ignore-error-texts.mjs'],
    ignorers: ['error-texts'],
  };
}
