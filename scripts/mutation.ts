/**
 * `npm run test:mutation [-- <group> ...]`: mutation testing of the security cores with StrykerJS,
 * one group at a time, each against its own tests (configs in `stryker/`): `auth`
 * (lambda/auth), `proxy` (the proxy core) and `request` (AMAZON.DATE, the envelope, the advice).
 * Each group fails when its score drops below its break threshold (the score reached, see
 * README "Mutation testing"); a summary of every group and file is printed at the end.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

const GROUPS = ['auth', 'proxy', 'request'] as const;
type Group = (typeof GROUPS)[number];

const USAGE = `Usage: npm run test:mutation [-- <group> ...]

Runs StrykerJS on each group (default: all of ${GROUPS.join(', ')}) against that group's tests,
prints Stryker's report and a summary, and exits 1 when a group scores below its break threshold
(set in stryker/<group>.config.mjs). Reports: reports/mutation/<group>.json.
`;

interface Counts {
  detected: number;
  undetected: number;
  ignored: number;
}

interface Report {
  files: Record<string, { mutants: { status: string }[] }>;
}

function count(statuses: readonly string[]): Counts {
  const c: Counts = { detected: 0, undetected: 0, ignored: 0 };
  for (const status of statuses) {
    if (status === 'Killed' || status === 'Timeout') c.detected += 1;
    else if (status === 'Survived' || status === 'NoCoverage') c.undetected += 1;
    else c.ignored += 1;
  }
  return c;
}

const score = (c: Counts): string =>
  c.detected + c.undetected === 0
    ? '   n/a'
    : `${((100 * c.detected) / (c.detected + c.undetected)).toFixed(2).padStart(6)}%`;

function summary(group: Group): string[] {
  let report: Report;
  try {
    report = JSON.parse(readFileSync(`reports/mutation/${group}.json`, 'utf8')) as Report;
  } catch {
    return [`${group}: no report`];
  }
  const lines: string[] = [];
  const all: string[] = [];
  for (const [file, { mutants }] of Object.entries(report.files).sort()) {
    const statuses = mutants.map((m) => m.status);
    all.push(...statuses);
    const c = count(statuses);
    lines.push(
      `  ${file.padEnd(34)} ${score(c)}  ${String(c.detected).padStart(4)} caught, ${String(c.undetected).padStart(3)} not`,
    );
  }
  const c = count(all);
  return [
    `${group.padEnd(36)} ${score(c)}  ${String(c.detected).padStart(4)} caught, ${String(c.undetected).padStart(3)} not, ${c.ignored} ignored`,
    ...lines,
  ];
}

function main(): number {
  let positionals: string[];
  try {
    const parsed = parseArgs({
      args: process.argv.slice(2),
      options: { help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
      strict: true,
    });
    if (parsed.values.help === true) {
      process.stdout.write(USAGE);
      return 0;
    }
    positionals = parsed.positionals;
  } catch (error) {
    process.stderr.write(`test:mutation: ${(error as Error).message} (--help for usage)\n`);
    return 2;
  }
  const unknown = positionals.filter((g) => !(GROUPS as readonly string[]).includes(g));
  if (unknown.length > 0) {
    process.stderr.write(
      `test:mutation: unknown group ${unknown.join(', ')} (one of ${GROUPS.join(', ')})\n`,
    );
    return 2;
  }
  const groups = positionals.length === 0 ? [...GROUPS] : (positionals as Group[]);
  const failed: Group[] = [];
  for (const group of groups) {
    process.stdout.write(`\n== mutation testing: ${group}\n`);
    const run = spawnSync('npx', ['stryker', 'run', `stryker/${group}.config.mjs`], {
      stdio: 'inherit',
    });
    if (run.status !== 0) failed.push(group);
  }
  process.stdout.write(
    '\n== mutation score (caught / (caught + not caught); ignored: error sentences)\n',
  );
  for (const group of groups) process.stdout.write(`${summary(group).join('\n')}\n`);
  if (failed.length > 0) {
    process.stdout.write(
      `test:mutation: below the break threshold or failed: ${failed.join(', ')}\n`,
    );
    return 1;
  }
  return 0;
}

process.exitCode = main();
