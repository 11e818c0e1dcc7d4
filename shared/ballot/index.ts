// The ballot protocol (docs/ballot-protocol.md): pure, isomorphic TypeScript for the voting device
// (noble backend) and the core (libsodium backend in ./group-sodium, imported separately).
export * from './group';
export * from './encoding';
export * from './proofs';
export * from './election';
export * from './ballot';
export * from './tally';
export * from './keystore';
export * from './verification-file';
export * from './simulate';
export * from './shares';
export * from './schema';
