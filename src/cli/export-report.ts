// `spotlight export-report`: a Spotlight's report as a standalone web page, Word or PDF file, for
// an operator who needs it outside the service (a board pack, an inspection). The same document
// as the web page: no case numbers.
import { writeFile } from 'node:fs/promises';
import { NotFound } from '../platform/errors.js';
import type { Services } from '../services.js';
import {
  isReportFormat,
  reportFormats,
  type ReportFormat,
} from '../features/report/formats/report-files.js';

export const exportReportUsage =
  'spotlight export-report <spotlight-id> --format html|docx|pdf --out <file>';

export interface ExportReportArgs {
  spotlightId: string;
  format: ReportFormat;
  out: string;
}

const oneLine = (typed: string) => JSON.stringify(typed);

/** Reads the arguments; a one-line message saying what is wrong when they cannot be used. */
export function readExportReportArgs(
  args: readonly string[],
): ExportReportArgs | { problem: string } {
  const positional: string[] = [];
  const options = new Map<string, string>();
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i] as string;
    if (!arg.startsWith('--')) {
      positional.push(arg);
      continue;
    }
    const [name, inline] = arg.includes('=')
      ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)]
      : [arg, undefined];
    if (name !== '--format' && name !== '--out') {
      return {
        problem: `Unknown option ${oneLine(arg)}: use --format and --out (${exportReportUsage})`,
      };
    }
    const value = inline ?? args[(i += 1)];
    if (value === undefined || value === '' || value.startsWith('--')) {
      return { problem: `Give a value after ${name}: ${exportReportUsage}` };
    }
    options.set(name, value);
  }
  const [spotlightId, ...extra] = positional;
  if (!spotlightId) return { problem: `Say which Spotlight: ${exportReportUsage}` };
  if (extra.length > 0) return { problem: `Give one Spotlight only: ${exportReportUsage}` };
  const format = options.get('--format');
  if (format === undefined) {
    return { problem: `Say which format with --format ${reportFormats.join(', ')}` };
  }
  if (!isReportFormat(format)) {
    return { problem: `--format must be ${reportFormats.join(', ')} (not ${oneLine(format)})` };
  }
  const out = options.get('--out');
  if (out === undefined) return { problem: `Say which file to write with --out <file>` };
  return { spotlightId, format, out };
}

/** Runs the command: a line to print, or a one-line problem (exit code 2). */
export async function exportReportCommand(
  read: ExportReportArgs,
  services: Services,
): Promise<{ output: string } | { problem: string }> {
  const id = oneLine(read.spotlightId);
  let file;
  try {
    file = await services.reportDocuments.exportFile(read.spotlightId, read.format);
  } catch (error) {
    if (!(error instanceof NotFound)) throw error;
    return error.message.startsWith('Spotlight')
      ? { problem: `There is no Spotlight ${id} (or it has been cancelled)` }
      : { problem: `The Spotlight ${id} has no report yet: the Lead has not started it` };
  }
  try {
    await writeFile(read.out, file.body);
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    return { problem: `${oneLine(read.out)} could not be written: ${why.split('\n')[0] ?? ''}` };
  }
  return { output: `Wrote the report to ${read.out} (${file.body.length} bytes).` };
}
