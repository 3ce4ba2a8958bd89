// The preparation pack's documents: the visited team's managers add and remove them; the Spotlight
// Team, the team's managers and the QA team read them. Every addition, refusal, download and
// removal is in the audit log (never the file's name, which may say more than it should).
import type { Kysely } from 'kysely';
import { deadlineOf, dueStatus, type DueStatus } from '../../core/deadlines.js';
import {
  allowedFileKinds,
  fileKindNames,
  fileKindOfMediaType,
  isPackDocumentType,
  packDocumentTypeNames,
  packDocumentTypes,
  sizeInWords,
  type PackDocumentType,
} from '../../core/pack-documents.js';
import type { AuditService } from '../../platform/audit/audit.service.js';
import type { Clock } from '../../platform/clock.js';
import type { RequestContext } from '../../platform/context.js';
import { toDbInstant } from '../../platform/db/convert.js';
import type { Database } from '../../platform/db/schema.js';
import { NotFound } from '../../platform/errors.js';
import type { FilesService } from '../../platform/files/files.service.js';
import type { UploadedFile } from '../../platform/files/uploaded-file.js';
import { newId } from '../../platform/ids.js';
import type { PersonRef, Spotlight, SpotlightService } from '../spotlight/spotlight.service.js';
import { londonToday } from '../timetable/calendar-invite.js';
import * as repo from './documents.repository.js';

export interface PackDocument {
  id: string;
  type: PackDocumentType;
  /** The uploader's file name, cleaned: shown as the link and offered as the download's name. */
  name: string;
  /** "PDF, 240 KB". */
  kindAndSize: string;
  addedBy: string | null;
  /** When it was added (an ISO instant). */
  addedAt: string;
  /** Added after the documents' due date. */
  late: boolean;
}

export interface PackDocumentGroup {
  type: PackDocumentType;
  name: string;
  documents: PackDocument[];
}

/** The team's Spotlight before this one, as the pack shows it. */
export type PreviousSpotlight =
  | { status: 'none' }
  | {
      status: 'found';
      id: string;
      date: string | null;
      lead: PersonRef | null;
      /** Its report is final: the pack links to it. */
      reportFinal: boolean;
    };

export interface PackDocumentsPage {
  spotlight: Spotlight;
  /** The visited team's managers: they may add and remove documents. */
  canPrepare: boolean;
  documentsDue: string;
  dueStatus: DueStatus;
  groups: PackDocumentGroup[];
  previous: PreviousSpotlight;
}

export interface PackDocumentDownload {
  name: string;
  mediaType: string;
  data: Buffer;
}

export type UploadResult = { ok: true; name: string } | { ok: false; message: string };

const objectType = 'spotlight';
// Longer names are cut (keeping the extension) to fit the column.
const maxNameLength = 200;

function fitName(name: string): string {
  if (name.length <= maxNameLength) return name;
  const dot = name.lastIndexOf('.');
  const extension = dot > 0 && name.length - dot <= 10 ? name.slice(dot) : '';
  return `${name.slice(0, maxNameLength - extension.length - 1)}…${extension}`;
}

function kindAndSize(mediaType: string, sizeBytes: number): string {
  const kind = fileKindOfMediaType(mediaType);
  return `${kind ? fileKindNames[kind] : 'File'}, ${sizeInWords(sizeBytes)}`;
}

export type PackDocumentsService = ReturnType<typeof createPackDocumentsService>;

export function createPackDocumentsService(deps: {
  db: Kysely<Database>;
  clock: Clock;
  audit: AuditService;
  spotlights: SpotlightService;
  files: FilesService;
}) {
  const { db, clock, audit, spotlights, files } = deps;

  async function previousOf(spotlight: Spotlight): Promise<PreviousSpotlight> {
    const id = await spotlights.previousSpotlightId(spotlight);
    if (!id) return { status: 'none' };
    const previous = await spotlights.find(id);
    return {
      status: 'found',
      id,
      date: previous?.date ?? null,
      lead: previous?.lead ?? null,
      reportFinal: await repo.isReportFinal(db, id),
    };
  }

  async function buildPage(ctx: RequestContext, spotlight: Spotlight): Promise<PackDocumentsPage> {
    const documentsDue = deadlineOf(spotlight.deadlines, 'documents');
    const rows = await repo.listDocuments(db, spotlight.id);
    const documents = rows.map((row): PackDocument => ({
      id: row.id,
      // A type this version does not know shows under "Other" rather than disappearing.
      type: isPackDocumentType(row.document_type) ? row.document_type : 'other',
      name: row.display_name,
      kindAndSize: kindAndSize(row.media_type, row.size_bytes),
      addedBy: row.uploaded_by_name,
      addedAt: row.uploaded_at,
      late: londonToday(new Date(row.uploaded_at)) > documentsDue,
    }));
    return {
      spotlight,
      canPrepare: spotlights.can(ctx, spotlight, 'spotlight:prepare'),
      documentsDue,
      dueStatus: dueStatus(documentsDue, spotlight.today, spotlight.calendar),
      groups: packDocumentTypes.map((type) => ({
        type,
        name: packDocumentTypeNames[type],
        documents: documents.filter((d) => d.type === type),
      })),
      previous: await previousOf(spotlight),
    };
  }

  async function documentOf(spotlight: Spotlight, documentId: string) {
    const row = await repo.findDocument(db, spotlight.id, documentId);
    if (!row) throw new NotFound('Document');
    return row;
  }

  return {
    /** The pack's page for anyone who may see it (`prepare`: only for those who may add to it). */
    async page(
      ctx: RequestContext,
      spotlightId: string,
      need: 'view' | 'prepare' = 'view',
    ): Promise<PackDocumentsPage> {
      const permission = need === 'prepare' ? 'spotlight:prepare' : 'spotlight:view-pack';
      const spotlight = await spotlights.authorise(ctx, spotlightId, permission);
      return buildPage(ctx, spotlight);
    },

    /**
     * Checks and stores the file, then records it in the pack. A refused file is written to the
     * audit log with the reason and leaves nothing behind.
     */
    async add(
      ctx: RequestContext,
      spotlightId: string,
      input: { documentType: PackDocumentType; file: UploadedFile },
    ): Promise<UploadResult> {
      const spotlight = await spotlights.authorise(ctx, spotlightId, 'spotlight:prepare');
      const check = await files.accept(input.file, allowedFileKinds[input.documentType]);
      if (!check.ok) {
        await audit.record(ctx, {
          action: 'preparation.document-refused',
          objectType,
          objectId: spotlight.id,
          details: { reason: check.message },
        });
        return { ok: false, message: check.message };
      }
      const accepted = check.file;
      const id = newId();
      const name = fitName(accepted.displayName);
      try {
        await db.transaction().execute(async (trx) => {
          await repo.insertDocument(trx, {
            id,
            spotlight_id: spotlight.id,
            document_type: input.documentType,
            display_name: name,
            stored_name: accepted.storedName,
            media_type: accepted.mediaType,
            size_bytes: accepted.sizeBytes,
            sha256: accepted.sha256,
            uploaded_by_person_id: ctx.actor?.personId ?? null,
            uploaded_at: toDbInstant(clock.now()),
          });
          await audit.record(
            ctx,
            {
              action: 'preparation.document-uploaded',
              objectType,
              objectId: spotlight.id,
              details: {
                documentId: id,
                documentType: input.documentType,
                kind: accepted.kind,
                sizeBytes: accepted.sizeBytes,
              },
            },
            trx,
          );
        });
      } catch (error) {
        // Nothing was recorded, so the stored file must not stay behind.
        await files.remove(accepted.storedName);
        throw error;
      }
      return { ok: true, name };
    },

    /** The document's bytes, for those who may see the pack; the download is audited. */
    async download(
      ctx: RequestContext,
      spotlightId: string,
      documentId: string,
    ): Promise<PackDocumentDownload> {
      const spotlight = await spotlights.authorise(ctx, spotlightId, 'spotlight:view-pack');
      const row = await documentOf(spotlight, documentId);
      const data = await files.read(row.stored_name);
      await audit.record(ctx, {
        action: 'preparation.document-downloaded',
        objectType,
        objectId: spotlight.id,
        details: { documentId: row.id, documentType: row.document_type },
      });
      return { name: row.display_name, mediaType: row.media_type, data };
    },

    /** What the removal page asks about. */
    async toRemove(ctx: RequestContext, spotlightId: string, documentId: string) {
      const spotlight = await spotlights.authorise(ctx, spotlightId, 'spotlight:prepare');
      const row = await documentOf(spotlight, documentId);
      return { spotlight, document: { id: row.id, name: row.display_name } };
    },

    /** Removes the document from the pack, then its stored file once that is committed. */
    async remove(ctx: RequestContext, spotlightId: string, documentId: string): Promise<string> {
      const spotlight = await spotlights.authorise(ctx, spotlightId, 'spotlight:prepare');
      const row = await documentOf(spotlight, documentId);
      const removed = await db.transaction().execute(async (trx) => {
        const count = await repo.deleteDocument(trx, spotlight.id, row.id);
        if (count === 0) return false;
        await audit.record(
          ctx,
          {
            action: 'preparation.document-removed',
            objectType,
            objectId: spotlight.id,
            details: { documentId: row.id, documentType: row.document_type },
          },
          trx,
        );
        return true;
      });
      if (!removed) throw new NotFound('Document');
      await files.remove(row.stored_name);
      return row.display_name;
    },
  };
}
