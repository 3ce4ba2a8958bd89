// The name a person sees for an uploaded file: the uploader's own name, cleaned so it is safe to
// show on a page and to offer as a download's name (it is never used to store the file).
import { extensions, type FileKind } from './file-kind.js';

export const maxDisplayNameLength = 120;

// Format characters (bidi overrides and isolates, zero-width spaces and joiners, the byte order
// mark, soft hyphens) change how a name looks without being seen; controls and lone surrogates
// are never part of a name.
const invisible = /\p{Cf}/gu;
const controlOrBroken = /[\p{Cc}\p{Cs}]/gu;

/** The cleaned name, with the extension of the kind its content showed it to be. */
export function cleanDisplayName(uploadedName: string, kind: FileKind): string {
  // Browsers on some systems send the whole path; only its last part is the file's name.
  const lastSegment = uploadedName.split(/[/\\]/).pop() ?? '';
  const name = lastSegment
    .normalize('NFC')
    .replace(invisible, '')
    .replace(/\s+/gu, ' ')
    .replace(controlOrBroken, '')
    .replace(/^[\s.]+|[\s.]+$/gu, '');

  const usual = extensions[kind][0] ?? kind;
  const dot = name.lastIndexOf('.');
  let base = name;
  let extension = usual;
  if (dot > 0) {
    const current = name.slice(dot + 1);
    if (extensions[kind].includes(current.toLowerCase())) {
      base = name.slice(0, dot);
      extension = current;
    } else if (/^[A-Za-z0-9]{1,5}$/.test(current) && /[A-Za-z]/.test(current)) {
      // An extension that names another kind ("report.exe" holding a PDF) is replaced;
      // anything else after a dot ("version 1.2") is part of the name.
      base = name.slice(0, dot);
    }
  }
  const room = maxDisplayNameLength - extension.length - 1;
  base = Array.from(base)
    .slice(0, room)
    .join('')
    .replace(/[\s.]+$/u, '');
  return `${base === '' ? 'document' : base}.${extension}`;
}

// RFC 5987: everything but letters, digits and !#$&+-.^_`|~ is percent-encoded.
function encodeExtValue(value: string): string {
  return encodeURIComponent(value).replace(
    /['()*]/g,
    (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

/**
 * A Content-Disposition header that makes the browser save the file under its display name: a
 * plain ASCII name for old browsers, and the full name encoded as UTF-8 for the rest.
 */
export function contentDisposition(displayName: string): string {
  const name = displayName.replace(invisible, '').replace(controlOrBroken, '').trim();
  const ascii = name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[^ -~]/g, '_')
    // Quotes and backslashes would end or escape the quoted string; "%" and ";" confuse some parsers.
    .replace(/["\\%;]/g, '_')
    .trim();
  const fallback = ascii === '' || /^[_.\s]*$/.test(ascii) ? 'document' : ascii;
  const full = name === '' ? 'document' : name;
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encodeExtValue(full)}`;
}
