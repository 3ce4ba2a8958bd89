import { describe, expect, it } from 'vitest';
import {
  allowedFileKinds,
  fileKindList,
  fileKindOfMediaType,
  packDocumentTypes,
  sizeInWords,
} from './pack-documents.js';

describe('the preparation pack’s kinds of document', () => {
  it('lists the guidance’s documents in order, performance data taking PDF, Excel or CSV', () => {
    expect(packDocumentTypes).toEqual([
      'team-action-plan',
      'stocktake',
      'performance-data',
      'audits',
      'other',
    ]);
    expect(fileKindList(allowedFileKinds['performance-data'])).toBe(
      'PDF, Excel spreadsheet or CSV',
    );
    expect(allowedFileKinds.other).toHaveLength(7);
  });

  it('says a file’s size as a person reads it', () => {
    expect(sizeInWords(1)).toBe('1 byte');
    expect(sizeInWords(900)).toBe('900 bytes');
    expect(sizeInWords(240 * 1024)).toBe('240 KB');
    expect(sizeInWords(1.5 * 1024 * 1024)).toBe('1.5 MB');
    expect(sizeInWords(20 * 1024 * 1024)).toBe('20 MB');
  });

  it('knows a stored file’s kind from its media type', () => {
    expect(fileKindOfMediaType('text/csv; charset=utf-8')).toBe('csv');
    expect(fileKindOfMediaType('application/pdf')).toBe('pdf');
    expect(fileKindOfMediaType('application/x-msdownload')).toBeUndefined();
  });
});
