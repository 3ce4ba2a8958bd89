// The virus-scanner hook: a configured command given the file's path, or a ClamAV daemon the file
// is streamed to. Neither the file's name nor its content is ever logged or passed anywhere else.
import { spawn, type ChildProcess } from 'node:child_process';
import { createReadStream } from 'node:fs';
import { connect, type NetConnectOpts, type Socket } from 'node:net';

/** Clean, infected, or not checked (the scanner failed, crashed or took too long). */
export type ScanResult = 'clean' | 'infected' | 'unchecked';

export interface ScannerConfig {
  virusScanCommand: string | undefined;
  clamdSocket: string | undefined;
}

export const scanTimeoutMs = 60_000;

/** Runs every configured scanner on the file; with none configured the file counts as clean. */
export async function scanFile(
  path: string,
  config: ScannerConfig,
  timeoutMs = scanTimeoutMs,
): Promise<ScanResult> {
  const results: ScanResult[] = [];
  if (config.virusScanCommand !== undefined) {
    results.push(await scanWithCommand(config.virusScanCommand, path, timeoutMs));
    if (results.includes('infected')) return 'infected';
  }
  if (config.clamdSocket !== undefined) {
    results.push(await scanWithClamd(config.clamdSocket, path, timeoutMs));
  }
  if (results.includes('infected')) return 'infected';
  return results.includes('unchecked') ? 'unchecked' : 'clean';
}

/**
 * The command is split on spaces into a program and its arguments (no shell), and the file's path
 * is added last. Exit 0 is clean, 1 infected; anything else, or no answer in time, is unchecked.
 */
export function scanWithCommand(
  command: string,
  path: string,
  timeoutMs = scanTimeoutMs,
): Promise<ScanResult> {
  const [program, ...args] = command.split(' ').filter((part) => part !== '');
  if (program === undefined) return Promise.resolve('unchecked');
  return new Promise((resolve) => {
    let child: ChildProcess;
    try {
      child = spawn(program, [...args, path], {
        stdio: 'ignore',
        shell: false,
        timeout: timeoutMs,
        killSignal: 'SIGKILL',
        windowsHide: true,
      });
    } catch {
      // A command spawn() cannot even try (a NUL in it, say).
      resolve('unchecked');
      return;
    }
    // A program that cannot be started reports an error; one that is killed closes with a signal.
    child.once('error', () => resolve('unchecked'));
    child.once('close', (code, signal) => {
      if (signal !== null) resolve('unchecked');
      else if (code === 0) resolve('clean');
      else if (code === 1) resolve('infected');
      else resolve('unchecked');
    });
  });
}

/** "host:port" (or "[::1]:port") is a TCP address; anything else is a unix socket's path. */
export function clamdAddress(socket: string): NetConnectOpts {
  const tcp = /^(?:tcp:\/\/)?(\[[^\]]+\]|[^/:[\]]+):(\d{1,5})$/.exec(socket);
  if (tcp?.[1] !== undefined && tcp[2] !== undefined) {
    return { host: tcp[1].replace(/^\[|\]$/g, ''), port: Number(tcp[2]) };
  }
  return { path: socket.replace(/^unix:/, '') };
}

/** clamd's answer to INSTREAM: "stream: OK", or "stream: <signature> FOUND". */
export function readClamdReply(reply: string): ScanResult {
  const text = reply.replace(/\0/g, '').trim();
  if (/^stream: OK$/.test(text)) return 'clean';
  if (/^stream: .+ FOUND$/.test(text)) return 'infected';
  return 'unchecked';
}

const chunkBytes = 64 * 1024;

/**
 * Streams the file to clamd with INSTREAM: the command, then chunks each led by its length as
 * four big-endian bytes, then a zero length; clamd answers once and closes.
 */
export function scanWithClamd(
  socket: string,
  path: string,
  timeoutMs = scanTimeoutMs,
): Promise<ScanResult> {
  return new Promise((resolve) => {
    const connection = connect(clamdAddress(socket));
    const replyChunks: Buffer[] = [];
    let settled = false;
    const reply = () => Buffer.concat(replyChunks).toString('utf8');
    const finish = (result: ScanResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      connection.destroy();
      resolve(result);
    };
    const timer = setTimeout(() => finish('unchecked'), timeoutMs);
    connection.on('data', (chunk: Buffer) => {
      replyChunks.push(chunk);
      // Replies to z-prefixed commands end with a NUL.
      if (chunk.includes(0)) finish(readClamdReply(reply()));
    });
    connection.once('end', () => finish(readClamdReply(reply())));
    // clamd may answer (a size limit, say) and close while the file is still being sent.
    connection.once('error', () =>
      finish(reply().includes('\0') ? readClamdReply(reply()) : 'unchecked'),
    );
    connection.once('close', () => finish(readClamdReply(reply())));
    connection.once('connect', () => {
      sendFile(connection, path, () => settled).catch(() => finish('unchecked'));
    });
  });
}

async function sendFile(connection: Socket, path: string, stopped: () => boolean): Promise<void> {
  await write(connection, Buffer.from('zINSTREAM\0', 'latin1'));
  for await (const chunk of createReadStream(path, { highWaterMark: chunkBytes })) {
    if (stopped()) return;
    const data = chunk as Buffer;
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    await write(connection, Buffer.concat([length, data]));
  }
  await write(connection, Buffer.alloc(4));
}

/** Writes, waiting for the socket to drain (or close) when its buffer is full. */
function write(connection: Socket, data: Buffer): Promise<void> {
  if (connection.destroyed) return Promise.reject(new Error('The scanner closed the connection'));
  if (connection.write(data)) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const onDrain = () => {
      connection.off('close', onClose);
      resolve();
    };
    const onClose = () => {
      connection.off('drain', onDrain);
      reject(new Error('The scanner closed the connection'));
    };
    connection.once('drain', onDrain);
    connection.once('close', onClose);
  });
}
