// STUB (being built): checks and keeps uploaded files.
import type { Config } from '../../config.js';
import type { UploadedFile } from './uploaded-file.js';

/** The kinds of file Spotlight accepts, told apart by their content. */
export const fileKinds = ['pdf', 'docx', 'xlsx', 'pptx', 'csv', 'png', 'jpeg'] as const;
export type FileKind = (typeof fileKinds)[number];

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

export type FilesService = ReturnType<typeof createFilesService>;

export function createFilesService(deps: { config: Config['files'] }) {
  void deps;
  return {
    /** Checks an upload (size, type by content, zip bombs, viruses) and, if it passes, stores it. */
    async accept(file: UploadedFile, allowed: readonly FileKind[]): Promise<FileCheck> {
      void file;
      void allowed;
      return { ok: false, message: 'Not built yet' };
    },
    /** The stored file's bytes. */
    async read(storedName: string): Promise<Buffer> {
      void storedName;
      return Buffer.alloc(0);
    },
    /** Deletes a stored file (no error when it is already gone). */
    async remove(storedName: string): Promise<void> {
      void storedName;
    },
  };
}
