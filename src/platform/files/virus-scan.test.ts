// The virus-scanner hook against stand-ins: a command that flags EICAR, and a clamd that speaks
// INSTREAM; every way a scanner can fail counts as "not checked", never as clean.
import { access, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eicar, minimalPdf } from '../../../test/fixtures/sample-files.js';
import { startStandInClamd } from '../../../test/fixtures/stand-in-clamd.js';
import {
  clamdAddress,
  readClamdReply,
  scanFile,
  scanWithClamd,
  scanWithCommand,
} from './virus-scan.js';

const scanner = fileURLToPath(
  new URL('../../../test/fixtures/stand-in-virus-scanner.mjs', import.meta.url),
);
const command = `${process.execPath} ${scanner}`;

let dir: string;
let eicarPath: string;
let cleanPath: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'spotlight-scan-'));
  eicarPath = join(dir, 'a');
  cleanPath = join(dir, 'b');
  await writeFile(eicarPath, eicar());
  await writeFile(cleanPath, minimalPdf());
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('a scanner command', () => {
  it('reads exit 0 as clean and 1 as infected', async () => {
    expect(await scanWithCommand(command, cleanPath)).toBe('clean');
    expect(await scanWithCommand(command, eicarPath)).toBe('infected');
  });

  it('counts a failure, a missing program, a blank command or no answer in time as not checked', async () => {
    expect(await scanWithCommand(`${command} --broken`, cleanPath)).toBe('unchecked');
    expect(await scanWithCommand(join(dir, 'missing-scanner'), cleanPath)).toBe('unchecked');
    expect(await scanWithCommand('   ', cleanPath)).toBe('unchecked');
    expect(await scanWithCommand('scan\0ner', cleanPath)).toBe('unchecked');
    expect(await scanWithCommand(`${command} --hang`, cleanPath, 300)).toBe('unchecked');
  });

  it('never goes through a shell, so a path cannot run anything', async () => {
    const trap = join(dir, 'x; touch pwned');
    await writeFile(trap, minimalPdf());
    expect(await scanWithCommand(command, trap)).toBe('clean');
    await expect(access(join(dir, 'pwned'))).rejects.toThrow();
  });
});

describe('a clamd socket', () => {
  it('streams the file and reads OK or FOUND, over a unix socket or TCP', async () => {
    for (const listenOn of [{ path: join(dir, 'clamd.sock') }, { tcp: true as const }]) {
      const clamd = await startStandInClamd(listenOn);
      try {
        expect(await scanWithClamd(clamd.address, cleanPath)).toBe('clean');
        expect(await scanWithClamd(clamd.address, eicarPath)).toBe('infected');
        expect(clamd.scans()).toBe(2);
      } finally {
        await clamd.close();
      }
    }
  });

  it('sends a large file in chunks', async () => {
    const large = join(dir, 'large');
    await writeFile(large, Buffer.concat([Buffer.alloc(3 * 1024 * 1024, 0x41), eicar()]));
    const clamd = await startStandInClamd({ path: join(dir, 'clamd.sock') });
    try {
      expect(await scanWithClamd(clamd.address, large)).toBe('infected');
    } finally {
      await clamd.close();
    }
  });

  it('counts nonsense, a hang-up or no daemon as not checked', async () => {
    for (const behaviour of ['nonsense', 'hang-up'] as const) {
      const clamd = await startStandInClamd({ path: join(dir, `${behaviour}.sock`) }, behaviour);
      try {
        expect(await scanWithClamd(clamd.address, cleanPath)).toBe('unchecked');
      } finally {
        await clamd.close();
      }
    }
    expect(await scanWithClamd(join(dir, 'nobody.sock'), cleanPath)).toBe('unchecked');
  });

  it('reads the address and the reply', () => {
    expect(clamdAddress('/run/clamav/clamd.ctl')).toEqual({ path: '/run/clamav/clamd.ctl' });
    expect(clamdAddress('clamav:3310')).toEqual({ host: 'clamav', port: 3310 });
    expect(clamdAddress('tcp://127.0.0.1:3310')).toEqual({ host: '127.0.0.1', port: 3310 });
    expect(clamdAddress('[::1]:3310')).toEqual({ host: '::1', port: 3310 });
    expect(readClamdReply('stream: OK\0')).toBe('clean');
    expect(readClamdReply('stream: Win.Test.EICAR_HDB-1 FOUND\0')).toBe('infected');
    expect(readClamdReply('INSTREAM size limit exceeded. ERROR\0')).toBe('unchecked');
    expect(readClamdReply('')).toBe('unchecked');
  });
});

describe('scanning with whatever is configured', () => {
  it('treats no scanner as clean, and any infected or unchecked answer as that', async () => {
    const none = { virusScanCommand: undefined, clamdSocket: undefined };
    expect(await scanFile(eicarPath, none)).toBe('clean');
    const clamd = await startStandInClamd({ path: join(dir, 'clamd.sock') });
    try {
      const both = { virusScanCommand: command, clamdSocket: clamd.address };
      expect(await scanFile(cleanPath, both)).toBe('clean');
      expect(await scanFile(eicarPath, both)).toBe('infected');
      const brokenCommand = { ...both, virusScanCommand: `${command} --broken` };
      expect(await scanFile(cleanPath, brokenCommand)).toBe('unchecked');
      expect(await scanFile(eicarPath, brokenCommand)).toBe('infected');
    } finally {
      await clamd.close();
    }
  });
});
