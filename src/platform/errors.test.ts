import { describe, expect, it } from 'vitest';
import { Conflict, NotFound, unlessGone } from './errors.js';

describe('looking again at something that may have been removed', () => {
  it('gives what is found', async () => {
    expect(await unlessGone(Promise.resolve({ version: 3 }))).toEqual({ version: 3 });
  });

  it('gives null when it is gone', async () => {
    expect(await unlessGone(Promise.reject(new NotFound('Recommendation')))).toBeNull();
  });

  it('leaves any other failure to the caller', async () => {
    await expect(unlessGone(Promise.reject(new Conflict('Saved elsewhere')))).rejects.toThrow(
      'Saved elsewhere',
    );
  });
});
