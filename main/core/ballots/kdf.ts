import { DEFAULT_KDF } from '../../../shared/ballot';

/**
 * The passphrase KDF for trustees' keys: argon2id at RFC 9106's second recommended option
 * (docs/ballot-protocol.md §11), ~1.4 s in JS. Tests of the core set a light one (the keystore's
 * own tests cover the real parameters); the app never does.
 */
let kdf: { t: number; m: number; p: number } = DEFAULT_KDF;

export function kdfForKeys(): { t: number; m: number; p: number } {
  return kdf;
}

/** For tests only: argon2id with 1 pass over 64 KiB. Keys sealed so can be opened only with allowWeakKdf. */
export function useLightKdfForTests(): void {
  kdf = { t: 1, m: 64, p: 1 };
}

/** Options for opening a sealed key: the weak-KDF floor is waived only under the tests' light KDF. */
export function openOptions(): { allowWeakKdf: boolean } {
  return { allowWeakKdf: kdf !== DEFAULT_KDF };
}
