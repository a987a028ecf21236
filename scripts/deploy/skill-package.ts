/**
 * Writes the skill package the ASK CLI uploads (`skillMetadata.src`), in the layout of SMAPI's
 * skill package format: `skill.json`, `interactionModels/custom/<locale>.json` and the assets the
 * manifest's `file://` URIs name, from the top-level `skill.json`, `models/` and `assets/images/`.
 *
 * The endpoint: `ask deploy` writes the skill function's ARN into the package's skill.json after
 * the stack deploys, and a later build would wipe it (the next upload would then remove the
 * skill's endpoint until the stack step puts it back). So the build keeps it: from the stack
 * outputs recorded in `.ask/ask-states.json`, else from the previous package, and only while
 * ask-states.json exists (deleting `.ask/` starts a fresh skill, with no endpoint).
 */
import { cp, mkdir, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { ProjectFileError } from './errors.js';
import {
  isRecord,
  PROJECT_PATHS,
  readJsonFile,
  readProfileState,
  REPO_ROOT,
  SKILL_ENDPOINT_OUTPUT,
} from './project.js';

/** Options of {@link buildSkillPackage}; every field is optional. */
export interface SkillPackageOptions {
  /** Where `skill.json`, `models/` and `assets/images/` are. Default: the repository root. */
  readonly sourceRoot?: string;
  /** Where the package goes. Default `.build/skill-package` under the repository root. */
  readonly outDir?: string;
  /** The ASK CLI's states file. Default `.ask/ask-states.json` under the repository root. */
  readonly askStatesPath?: string;
  /** The ASK CLI profile whose endpoint to keep. Default `default`. */
  readonly profile?: string;
  /** Told of each step. Default: nothing. */
  readonly report?: (line: string) => void;
}

/** What {@link buildSkillPackage} wrote. */
export interface SkillPackageResult {
  /** The package folder. */
  readonly outDir: string;
  /** The locales written under `interactionModels/custom/`. */
  readonly locales: readonly string[];
  /** Endpoint URIs kept, by Alexa region (`default` is the manifest's main endpoint). */
  readonly endpoints: Readonly<Record<string, string>>;
}

type Json = Record<string, unknown>;

async function readJsonObject(path: string): Promise<Json> {
  const value = await readJsonFile(path);
  if (!isRecord(value)) throw new ProjectFileError(`${path} is missing or not a JSON object`);
  return value;
}

function customApi(manifest: Json): Json | undefined {
  const inner = manifest['manifest'];
  if (!isRecord(inner) || !isRecord(inner['apis'])) return undefined;
  const custom = inner['apis']['custom'];
  return isRecord(custom) ? custom : undefined;
}

/** Endpoint URIs in a built manifest, by region. */
function endpointsIn(manifest: Json | undefined): Record<string, string> {
  const found: Record<string, string> = {};
  const custom = manifest === undefined ? undefined : customApi(manifest);
  if (custom === undefined) return found;
  const main = custom['endpoint'];
  if (isRecord(main) && typeof main['uri'] === 'string') found['default'] = main['uri'];
  const regions = custom['regions'];
  if (isRecord(regions)) {
    for (const [region, value] of Object.entries(regions)) {
      const endpoint = isRecord(value) ? value['endpoint'] : undefined;
      if (isRecord(endpoint) && typeof endpoint['uri'] === 'string')
        found[region] = endpoint['uri'];
    }
  }
  return found;
}

/** Endpoint URIs to keep, by region: see the module's comment. */
async function keptEndpoints(
  askStatesPath: string,
  profile: string,
  previousManifestPath: string,
): Promise<Record<string, string>> {
  const state = await readProfileState(askStatesPath, profile);
  if (state === undefined) return {};
  const fromOutputs: Record<string, string> = {};
  for (const [region, deploy] of Object.entries(state.regions)) {
    const uri = deploy.outputs[SKILL_ENDPOINT_OUTPUT];
    if (uri !== undefined) fromOutputs[region] = uri;
  }
  if (Object.keys(fromOutputs).length > 0) return fromOutputs;
  const previous = await readJsonFile(previousManifestPath).catch(() => undefined);
  return endpointsIn(isRecord(previous) ? previous : undefined);
}

function withEndpoints(manifest: Json, endpoints: Record<string, string>): Json {
  const copy = structuredClone(manifest);
  const custom = customApi(copy);
  if (custom === undefined) throw new ProjectFileError('skill.json has no manifest.apis.custom');
  delete custom['endpoint'];
  delete custom['regions'];
  for (const [region, uri] of Object.entries(endpoints)) {
    if (region === 'default') {
      custom['endpoint'] = { uri };
    } else {
      const regions = isRecord(custom['regions']) ? custom['regions'] : {};
      regions[region] = { endpoint: { uri } };
      custom['regions'] = regions;
    }
  }
  return copy;
}

/** Every `file://` URI in the manifest, as a path relative to the package. */
export function fileUris(value: unknown): string[] {
  if (typeof value === 'string') return value.startsWith('file://') ? [value.slice(7)] : [];
  if (Array.isArray(value)) return value.flatMap(fileUris);
  if (isRecord(value)) return Object.values(value).flatMap(fileUris);
  return [];
}

async function writeJson(path: string, value: unknown): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, `${JSON.stringify(value, null, 2)}\n`);
}

/**
 * Writes the skill package (see the module's comment) and resolves to what it wrote. Throws
 * {@link ProjectFileError} when a source file is missing or malformed, or when a `file://` URI of
 * the manifest names a file the package does not hold.
 */
export async function buildSkillPackage(
  options: SkillPackageOptions = {},
): Promise<SkillPackageResult> {
  const sourceRoot = options.sourceRoot ?? REPO_ROOT;
  const outDir = options.outDir ?? join(REPO_ROOT, PROJECT_PATHS.skillPackageDir);
  const askStatesPath = options.askStatesPath ?? join(REPO_ROOT, PROJECT_PATHS.askStates);
  const report = options.report ?? (() => undefined);

  const manifest = await readJsonObject(join(sourceRoot, 'skill.json'));
  const endpoints = await keptEndpoints(
    askStatesPath,
    options.profile ?? 'default',
    join(outDir, 'skill.json'),
  );
  const modelFiles = (await readdir(join(sourceRoot, 'models')))
    .filter((file) => file.endsWith('.json'))
    .sort();

  await rm(outDir, { recursive: true, force: true });
  await writeJson(join(outDir, 'skill.json'), withEndpoints(manifest, endpoints));
  const locales: string[] = [];
  for (const file of modelFiles) {
    const model = await readJsonObject(join(sourceRoot, 'models', file));
    await writeJson(join(outDir, 'interactionModels', 'custom', file), model);
    locales.push(file.replace(/\.json$/, ''));
  }
  await cp(join(sourceRoot, 'assets', 'images'), join(outDir, 'assets', 'images'), {
    recursive: true,
  });
  for (const uri of new Set(fileUris(manifest))) {
    const exists = await stat(join(outDir, uri)).then(
      (s) => s.isFile(),
      () => false,
    );
    if (!exists)
      throw new ProjectFileError(`skill.json names file://${uri}, which is not in the package`);
  }
  report(
    `build: skill-package (${locales.join(', ')})${
      endpoints['default'] === undefined
        ? ', no endpoint yet'
        : `, endpoint ${endpoints['default']}`
    }`,
  );
  return { outDir, locales, endpoints };
}
