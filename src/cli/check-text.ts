// `spotlight check-text`: the report's quality checks on any text, for people and scripts. Reads a
// file or standard input and prints the findings as JSON; the output shape is a stable interface.
import { readFile } from 'node:fs/promises';
import { checkText, textKinds, type TextKind } from '../core/text-checks/index.js';

export const checkTextUsage =
  'spotlight check-text [--kind paragraph|recommendation] [--lines] [FILE|-]';

/** More than any report section; a bigger input is a mistake, not something to wait for. */
export const maxCharacters = 1_000_000;

export interface CheckTextArgs {
  kind: TextKind;
  lines: boolean;
  /** The file to read; undefined for standard input. */
  file: string | undefined;
}

/** Reads the arguments; a one-line message saying what is wrong when they cannot be used. */
export function readCheckTextArgs(args: readonly string[]): CheckTextArgs | { problem: string } {
  let kind: string = 'paragraph';
  let lines = false;
  const files: string[] = [];
  let optionsEnded = false;
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i] as string;
    if (optionsEnded || arg === '-' || !arg.startsWith('-')) {
      files.push(arg);
    } else if (arg === '--') {
      optionsEnded = true;
    } else if (arg === '--lines') {
      lines = true;
    } else if (arg === '--kind' || arg.startsWith('--kind=')) {
      const value = arg === '--kind' ? args[(i += 1)] : arg.slice('--kind='.length);
      if (value === undefined || value === '' || value.startsWith('--')) {
        return { problem: `Give ${textKinds.join(' or ')} after --kind` };
      }
      kind = value;
    } else {
      return {
        problem: `Unknown option ${oneLine(arg)}: use --kind or --lines (${checkTextUsage})`,
      };
    }
  }
  if (!(textKinds as readonly string[]).includes(kind)) {
    return { problem: `--kind must be ${textKinds.join(' or ')} (not ${oneLine(kind)})` };
  }
  if (files.length > 1) return { problem: `Give one file at most: ${checkTextUsage}` };
  const [file] = files;
  return { kind: kind as TextKind, lines, file: file === '-' ? undefined : file };
}

/** Quotes what the user typed for a message that stays on one line. */
const oneLine = (typed: string) => JSON.stringify(typed);

/**
 * The output: `{"findings": [...]}` for the whole text, or with `lines` one such object per line
 * of the input, in order, each line checked on its own (offsets relative to that line). A final
 * line break does not start another line, so empty input checked by lines prints nothing.
 */
export function checkTextOutput(
  text: string,
  options: { kind: TextKind; lines: boolean },
): string[] {
  const report = (part: string) => JSON.stringify({ findings: checkText(part, options) });
  if (!options.lines) return [report(text)];
  const lines = text.split(/\r?\n/);
  if (lines.at(-1) === '') lines.pop();
  return lines.map(report);
}

async function readInput(file: string | undefined): Promise<Buffer> {
  if (file !== undefined) return readFile(file);
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** Runs the command: the lines to print, or a one-line problem (exit code 2). */
export async function checkTextCommand(
  args: readonly string[],
): Promise<{ output: string[] } | { problem: string }> {
  if (args.includes('--help')) return { output: [`Usage: ${checkTextUsage}`] };
  const read = readCheckTextArgs(args);
  if ('problem' in read) return read;
  const source = read.file === undefined ? 'Standard input' : oneLine(read.file);
  let text: string;
  try {
    // Kept exactly as given (a byte order mark too), so that offsets match the text as read.
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(
      await readInput(read.file),
    );
  } catch (error) {
    if (error instanceof TypeError) return { problem: `${source} is not UTF-8 text` };
    const why = error instanceof Error ? error.message : String(error);
    return { problem: `${source} could not be read: ${why.split('\n')[0] ?? ''}` };
  }
  if (text.length > maxCharacters) {
    return {
      problem: `${source} is too long to check: ${text.length} characters, and the most is ${maxCharacters}`,
    };
  }
  return { output: checkTextOutput(text, read) };
}
