/**
 * The `.env` file at the repository root, for the programs that honour it (mint-token,
 * test:live, doctor, deploy). Variables already in the environment win over the file.
 */
import { readFile } from 'node:fs/promises';
import { parseEnv } from 'node:util';

/**
 * Returns `environment` with the variables of the `.env` file at `path` added beneath it; the
 * environment unchanged when the file does not exist.
 */
export async function withDotEnv(
  environment: Readonly<Record<string, string | undefined>>,
  path: string,
): Promise<Record<string, string | undefined>> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { ...environment };
    throw error;
  }
  return { ...parseEnv(text), ...environment };
}
