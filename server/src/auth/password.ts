import { type Algorithm, hash, verify } from '@node-rs/argon2';

/**
 * argon2id with m=19 MiB, t=2, p=1: one of the parameter sets ASVS 5.0 Appendix C allows, about 16 ms
 * per verify here (docs research B2). `Algorithm` is a const enum the compiler cannot inline across
 * isolated modules, so its value (Argon2id = 2) is spelled out.
 */
const ARGON2ID = 2 as Algorithm;
export const PASSWORD_OPTIONS = { algorithm: ARGON2ID, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, PASSWORD_OPTIONS);
}

let dummy: Promise<string> | null = null;

/**
 * Verifies a password. With no hash (unknown e-mail, or a person who never set a password) it still
 * runs one argon2 verify against a fixed dummy hash, so the answer takes as long either way and its
 * timing does not reveal which e-mails have accounts.
 */
export async function verifyPassword(stored: string | null, password: string): Promise<boolean> {
  if (stored) {
    try {
      return await verify(stored, password);
    } catch {
      return false;
    }
  }
  dummy ??= hashPassword('merit-dummy-password-never-matches');
  await verify(await dummy, password).catch(() => false);
  return false;
}
