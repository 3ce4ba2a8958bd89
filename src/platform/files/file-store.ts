// Keeps files on disk under names Spotlight makes (a random id, nothing from the upload), in one
// folder only this service's user can read. A file is written under a temporary name, checked
// there, and only then renamed, so a refused or half-written file never has a stored name.
import { constants } from 'node:fs';
import { chmod, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { NotFound } from '../errors.js';
import { newId } from '../ids.js';

// What newId() makes: a version 4 UUID in lower case.
const storedNamePattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** True only for a name this store could have made: nothing that can reach another folder. */
export function isStoredName(name: unknown): name is string {
  return typeof name === 'string' && storedNamePattern.test(name);
}

export type Kept = { ok: true; storedName: string } | { ok: false; message: string };

function hasCode(error: unknown, ...codes: string[]): boolean {
  return (
    typeof error === 'object' &&
    error !== null &&
    codes.includes(String((error as { code?: unknown }).code))
  );
}

export type FileStore = ReturnType<typeof createFileStore>;

export function createFileStore(directory: string) {
  const root = resolve(directory);

  function pathOf(storedName: string): string {
    if (!isStoredName(storedName)) throw new NotFound('File');
    return join(root, storedName);
  }

  return {
    /**
     * Writes the bytes under a temporary name, asks `inspect` about that file (it returns a
     * reason to refuse, or undefined), then gives it a fresh stored name. On a refusal or an
     * error the temporary file is removed.
     */
    async keep(
      data: Buffer,
      inspect: (temporaryPath: string) => Promise<string | undefined>,
    ): Promise<Kept> {
      await mkdir(root, { recursive: true, mode: 0o700 });
      // Starts with a dot and never matches the stored-name pattern, so read() cannot reach it.
      const temporaryPath = join(root, `.upload-${newId()}.tmp`);
      try {
        await writeFile(temporaryPath, data, { mode: 0o600, flag: 'wx' });
        await chmod(temporaryPath, 0o600);
        const refusal = await inspect(temporaryPath);
        if (refusal !== undefined) return { ok: false, message: refusal };
        const storedName = newId();
        await rename(temporaryPath, join(root, storedName));
        return { ok: true, storedName };
      } finally {
        await rm(temporaryPath, { force: true });
      }
    },

    /** The stored file's bytes; NotFound for a name this store did not make or a missing file. */
    async read(storedName: string): Promise<Buffer> {
      const path = pathOf(storedName);
      try {
        // Never follow a link planted in the folder.
        return await readFile(path, { flag: constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) });
      } catch (error) {
        if (hasCode(error, 'ENOENT', 'ELOOP', 'EISDIR')) throw new NotFound('File');
        throw error;
      }
    },

    /** Deletes a stored file; one that is already gone is not an error. */
    async remove(storedName: string): Promise<void> {
      await rm(pathOf(storedName), { force: true });
    },
  };
}
