// Checks uploaded files (size, type by content, zip bombs, viruses) and keeps the ones that pass
// under names Spotlight makes. Every refusal says why in plain words and leaves nothing on disk.
import { createHash } from 'node:crypto';
import type { Config } from '../../config.js';
import {
  isBlankText,
  mediaTypes,
  officeKinds,
  sniffKind,
  wrongKindMessage,
  type FileKind,
} from './file-kind.js';
import { cleanDisplayName } from './file-name.js';
import { createFileStore } from './file-store.js';
import { checkOfficeZip } from './office-zip.js';
import type { UploadedFile } from './uploaded-file.js';
import { scanFile } from './virus-scan.js';

export { fileKinds, type FileKind } from './file-kind.js';
export { contentDisposition } from './file-name.js';

export interface AcceptedFile {
  /** The name Spotlight stored it under: random, never from the upload. */
  storedName: string;
  /** The uploader's file name, cleaned so it is safe to show and to offer as a download name. */
  displayName: string;
  kind: FileKind;
  /** The media type for the kind, for example application/pdf. */
  mediaType: string;
  sizeBytes: number;
  sha256: string;
}

/** Either the file, checked and stored, or the reason it was refused, in plain words. */
export type FileCheck = { ok: true; file: AcceptedFile } | { ok: false; message: string };

export const refusals = {
  empty: 'The selected file is empty',
  unsafe:
    'The file could not be opened safely. Save it again from Word, Excel or PowerPoint and try again',
  infected: 'The file contains a virus and was not saved',
  unchecked:
    'The file could not be checked for viruses. Try again later, or ask the QA team for help',
} as const;

export function tooLargeMessage(maxBytes: number): string {
  const megabytes = Number((maxBytes / (1024 * 1024)).toFixed(1));
  return `The file must be smaller than ${megabytes} MB`;
}

export type FilesService = ReturnType<typeof createFilesService>;

export function createFilesService(deps: { config: Config['files'] }) {
  const { config } = deps;
  const store = createFileStore(config.directory);

  /** The kind the content shows, or the reason to refuse it. */
  async function kindOf(
    data: Buffer,
    allowed: readonly FileKind[],
  ): Promise<{ kind: FileKind } | { message: string }> {
    const wrongKind = { message: wrongKindMessage(allowed) };
    const sniffed = sniffKind(data);
    if (sniffed === undefined) return wrongKind;
    if (sniffed !== 'zip') return allowed.includes(sniffed) ? { kind: sniffed } : wrongKind;
    const allowedOffice = officeKinds.filter((kind) => allowed.includes(kind));
    // Nothing is unpacked when no Office file would be accepted anyway.
    if (allowedOffice.length === 0) return wrongKind;
    const office = await checkOfficeZip(data, allowedOffice);
    if (office.ok) return { kind: office.kind };
    return office.reason === 'unsafe' ? { message: refusals.unsafe } : wrongKind;
  }

  return {
    /** Checks an upload (size, type by content, zip bombs, viruses) and, if it passes, stores it. */
    async accept(file: UploadedFile, allowed: readonly FileKind[]): Promise<FileCheck> {
      const { data } = file;
      if (data.length === 0) return { ok: false, message: refusals.empty };
      if (file.truncated || data.length > config.maxBytes) {
        return { ok: false, message: tooLargeMessage(config.maxBytes) };
      }
      const kind = await kindOf(data, allowed);
      if ('message' in kind) {
        // White space alone is text, but there is nothing in it.
        if (allowed.includes('csv') && isBlankText(data)) {
          return { ok: false, message: refusals.empty };
        }
        return { ok: false, message: kind.message };
      }

      const kept = await store.keep(data, async (temporaryPath) => {
        const scan = await scanFile(temporaryPath, config);
        if (scan === 'infected') return refusals.infected;
        if (scan === 'unchecked') return refusals.unchecked;
        return undefined;
      });
      if (!kept.ok) return kept;

      return {
        ok: true,
        file: {
          storedName: kept.storedName,
          displayName: cleanDisplayName(file.filename, kind.kind),
          kind: kind.kind,
          mediaType: mediaTypes[kind.kind],
          sizeBytes: data.length,
          sha256: createHash('sha256').update(data).digest('hex'),
        },
      };
    },

    /** The stored file's bytes (NotFound when there is no such file). */
    async read(storedName: string): Promise<Buffer> {
      return store.read(storedName);
    },

    /** Deletes a stored file (no error when it is already gone). */
    async remove(storedName: string): Promise<void> {
      await store.remove(storedName);
    },
  };
}
