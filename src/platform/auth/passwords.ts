// Passwords: argon2id hashes; at least 12 and at most 128 characters; no composition rules, but a
// deny-list of common and guessable passwords (as NCSC and NIST advise).
import { hash, verify } from '@node-rs/argon2';

const argonOptions = {
  algorithm: 2 /* Argon2id */,
  memoryCost: 19456,
  timeCost: 2,
  parallelism: 1,
};

export const passwordMinLength = 12;
export const passwordMaxLength = 128;

// Common passwords of 12 characters or more, from public breach lists, and words of this service.
const common = new Set([
  'password1234',
  'password12345',
  'password123456',
  'passwordpassword',
  'password1234567',
  '123456789012',
  '1234567890123',
  '12345678901234',
  '123456123456',
  '111111111111',
  '000000000000',
  '123123123123',
  '123412341234',
  'qwertyuiopas',
  'qwertyuiop123',
  'qwerty123456',
  '1q2w3e4r5t6y',
  '1qaz2wsx3edc',
  'qazwsxedcrfv',
  'asdfghjkl123',
  'iloveyou1234',
  'welcome12345',
  'welcome123456',
  'letmein12345',
  'changeme1234',
  'administrator',
  'administrator1',
  'abcdefghijkl',
  'abc123abc123',
  'football1234',
  'baseball1234',
  'sunshine1234',
  'princess1234',
  'monkey123456',
  'dragon123456',
  'trustno1trustno1',
  'whatever1234',
  'superman1234',
  'computer1234',
  'internet1234',
  'spotlight123',
  'spotlight1234',
  'spotlightspotlight',
  'socialwork123',
  'socialworker1',
  'socialworker123',
  'childrenservices',
  'childrensservices',
  'safeguarding',
  'safeguarding1',
  'safeguarding123',
  'councilcouncil',
  'council12345',
  'password2024',
  'password2025',
  'password2026',
  'password2027',
  'winter2026!!',
  'summer2026!!',
  'january2026!',
]);

/** Why a new password is not acceptable, in words for the page; undefined when it is fine. */
export function passwordProblem(
  password: string,
  personal: { email?: string; name?: string } = {},
): string | undefined {
  if (password.length === 0) return 'Enter a password';
  if (password.length < passwordMinLength)
    return `Password must be ${passwordMinLength} characters or more`;
  if (password.length > passwordMaxLength)
    return `Password must be ${passwordMaxLength} characters or fewer`;
  const lower = password.toLowerCase();
  if (common.has(lower) || /^(.)\1+$/.test(lower) || isRun(lower)) {
    return 'Password is too common and easy to guess. Try three random words';
  }
  const emailName = personal.email?.split('@')[0]?.toLowerCase();
  if (emailName && emailName.length >= 4 && lower.includes(emailName)) {
    return 'Password must not contain your email address';
  }
  const name = personal.name?.toLowerCase().replace(/\s+/g, '');
  if (name && name.length >= 4 && lower.replace(/\s+/g, '').includes(name)) {
    return 'Password must not contain your name';
  }
  return undefined;
}

/** "123456789012", "abcdefghijkl" and the like: each character one after the last. */
function isRun(value: string): boolean {
  for (let i = 1; i < value.length; i++) {
    const step = value.charCodeAt(i) - value.charCodeAt(i - 1);
    if (step !== 1 && step !== -1) return false;
  }
  return true;
}

export function hashPassword(password: string): Promise<string> {
  return hash(password, argonOptions);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

// Verified against when the email is unknown, so both cases take the same time.
let decoyHash: Promise<string> | undefined;
export function decoyPasswordHash(): Promise<string> {
  decoyHash ??= hashPassword('decoy password that matches nothing');
  return decoyHash;
}
