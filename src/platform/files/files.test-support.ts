// For the files service's tests: a fresh files folder per test (removed afterwards), a service
// over it, uploads as the form would give them, and the stand-in virus scanner's command.
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach } from 'vitest';
import type { Config } from '../../config.js';
import { createFilesService } from './files.service.js';
import type { UploadedFile } from './uploaded-file.js';

const scanner = fileURLToPath(
  new URL('../../../test/fixtures/stand-in-virus-scanner.mjs', import.meta.url),
);

/** VIRUS_SCAN_COMMAND for the stand-in scanner (add --broken for one that fails). */
export const scanCommand = `${process.execPath} ${scanner}`;

/** What newId() makes: a random version 4 UUID. */
export const storedNamePattern =
  /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

export const upload = (filename: string, data: Buffer, truncated = false): UploadedFile => ({
  filename,
  data,
  truncated,
});

/** Registers hooks giving each test its own folder; call once at the top of a test file. */
export function useFilesFolder() {
  let workDir = '';
  beforeEach(async () => {
    workDir = await mkdtemp(join(tmpdir(), 'spotlight-uploads-'));
  });
  afterEach(async () => {
    await rm(workDir, { recursive: true, force: true });
  });
  const folder = {
    /** A temporary folder of the test's own, for sockets and the like. */
    get workDir() {
      return workDir;
    },
    /** Where the service keeps files (made by the service when it first stores one). */
    get filesDir() {
      return join(workDir, 'files');
    },
    service: (config: Partial<Config['files']> = {}) =>
      createFilesService({
        config: {
          directory: folder.filesDir,
          maxBytes: 20 * 1024 * 1024,
          virusScanCommand: undefined,
          clamdSocket: undefined,
          ...config,
        },
      }),
    /** Everything in the files folder (which may never have been made). */
    filesLeft: async (): Promise<string[]> =>
      existsSync(folder.filesDir) ? readdir(folder.filesDir) : [],
  };
  return folder;
}
