// A file as a form posted it: the name the user's computer gave it (never trusted: shown only
// after cleaning, never used to store it), its bytes, and whether it was cut off at the size limit.
import type { MultipartFile } from '@fastify/multipart';
import { z } from 'zod';

export interface UploadedFile {
  filename: string;
  data: Buffer;
  /** True when the file was larger than the route's limit and only its start was kept. */
  truncated: boolean;
}

export function isUploadedFile(value: unknown): value is UploadedFile {
  if (typeof value !== 'object' || value === null) return false;
  const file = value as Partial<UploadedFile>;
  return (
    typeof file.filename === 'string' &&
    Buffer.isBuffer(file.data) &&
    typeof file.truncated === 'boolean'
  );
}

/** For a zod form schema: a file was chosen (browsers send an empty part when none was). */
export function chosenFile(message: string) {
  return z.custom<UploadedFile>((value) => isUploadedFile(value) && value.data.length > 0, {
    message,
  });
}

/**
 * The multipart plugin's onFile hook: reads the part and puts an UploadedFile in the body. A part
 * over the limit throws (a 413) unless the route asks for `throwFileSizeLimit: false`, when it
 * arrives marked as truncated so the page can say why it was refused.
 */
export async function readUploadedFile(part: MultipartFile): Promise<void> {
  const data = await part.toBuffer();
  const file: UploadedFile = { filename: part.filename, data, truncated: part.file.truncated };
  (part as unknown as { value: UploadedFile }).value = file;
}
