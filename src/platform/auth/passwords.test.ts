import { describe, expect, it } from 'vitest';
import { hashPassword, passwordProblem, verifyPassword } from './passwords.js';

const tooCommon = 'Password is too common and easy to guess. Try three random words';

describe('passwordProblem', () => {
  it('accepts a good passphrase', () => {
    expect(passwordProblem('correct horse battery staple')).toBeUndefined();
    expect(
      passwordProblem('kettle orbit lantern', {
        email: 'jane.doe@council.example',
        name: 'Jane Doe',
      }),
    ).toBeUndefined();
  });

  it('asks for a password when there is none', () => {
    expect(passwordProblem('')).toBe('Enter a password');
  });

  it('needs 12 to 128 characters', () => {
    expect(passwordProblem('a1b2c3d4e5f')).toBe('Password must be 12 characters or more');
    expect(passwordProblem('a1b2c3d4e5f6')).toBeUndefined();
    expect(passwordProblem('x'.repeat(64) + 'y'.repeat(64))).toBeUndefined();
    expect(passwordProblem('x'.repeat(64) + 'y'.repeat(65))).toBe(
      'Password must be 128 characters or fewer',
    );
  });

  it.each([
    'password1234',
    'Password1234',
    'PASSWORD2026',
    'qwerty123456',
    'spotlight123',
    'safeguarding',
  ])('refuses the common password %s', (password) => {
    expect(passwordProblem(password)).toBe(tooCommon);
  });

  it.each(['aaaaaaaaaaaa', '############', '123456789012', 'abcdefghijklm', 'zyxwvutsrqpo'])(
    'refuses the guessable password %s',
    (password) => {
      expect(passwordProblem(password)).toBe(tooCommon);
    },
  );

  it('refuses a password containing the name in the email address', () => {
    expect(passwordProblem('jane.doe is my password', { email: 'Jane.Doe@council.example' })).toBe(
      'Password must not contain your email address',
    );
  });

  it('refuses a password containing the person’s name, spaces or not', () => {
    expect(passwordProblem('i am janedoe forever', { name: 'Jane Doe' })).toBe(
      'Password must not contain your name',
    );
    expect(passwordProblem('i am jane doe forever', { name: 'Jane Doe' })).toBe(
      'Password must not contain your name',
    );
  });

  it('does not refuse a password for a very short name or email name', () => {
    expect(
      passwordProblem('al is a fine passphrase', { email: 'al@council.example', name: 'Al' }),
    ).toBeUndefined();
  });
});

describe('hashPassword and verifyPassword', () => {
  it('verify the password that was hashed, and nothing else', async () => {
    const hash = await hashPassword('correct horse battery staple');
    expect(hash).toMatch(/^\$argon2id\$/);
    expect(hash).not.toContain('correct horse');
    expect(await verifyPassword(hash, 'correct horse battery staple')).toBe(true);
    expect(await verifyPassword(hash, 'correct horse battery stapl')).toBe(false);
    expect(await verifyPassword(hash, 'Correct horse battery staple')).toBe(false);
  });

  it('salts each hash', async () => {
    const [first, second] = await Promise.all([
      hashPassword('same words every time'),
      hashPassword('same words every time'),
    ]);
    expect(first).not.toBe(second);
  });

  it('answers false, not an error, for a damaged hash', async () => {
    expect(await verifyPassword('not a hash', 'anything at all')).toBe(false);
    expect(await verifyPassword('', 'anything at all')).toBe(false);
  });
});
