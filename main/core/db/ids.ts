import { randomFillSync } from 'node:crypto';

/**
 * UUIDv7 (RFC 9562): 48 bits of Unix milliseconds, then randomness. Keys sort by creation time,
 * which keeps B-tree inserts at the right-hand edge. Within one millisecond a 12-bit counter
 * keeps ids from this process strictly increasing.
 */
const pool = Buffer.alloc(16 * 512);
let poolOffset = pool.length;
let lastMs = -1;
let counter = 0;

function randomBlock(): Buffer {
  if (poolOffset >= pool.length) {
    randomFillSync(pool);
    poolOffset = 0;
  }
  const block = pool.subarray(poolOffset, poolOffset + 16);
  poolOffset += 16;
  return block;
}

const HEX: string[] = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

export function uuidv7(nowMs: number = Date.now()): string {
  const b = Buffer.from(randomBlock());
  if (nowMs <= lastMs) {
    counter += 1;
    if (counter > 0xfff) {
      // Counter exhausted within a millisecond: borrow the next millisecond.
      lastMs += 1;
      counter = 0;
    }
  } else {
    lastMs = nowMs;
    counter = b[6]! & 0x07; // start low so the counter has room to grow
  }
  const ms = lastMs;
  b[0] = Math.floor(ms / 2 ** 40) & 0xff;
  b[1] = Math.floor(ms / 2 ** 32) & 0xff;
  b[2] = (ms >>> 24) & 0xff;
  b[3] = (ms >>> 16) & 0xff;
  b[4] = (ms >>> 8) & 0xff;
  b[5] = ms & 0xff;
  b[6] = 0x70 | ((counter >>> 8) & 0x0f);
  b[7] = counter & 0xff;
  b[8] = (b[8]! & 0x3f) | 0x80;
  let s = '';
  for (let i = 0; i < 16; i++) {
    s += HEX[b[i]!];
    if (i === 3 || i === 5 || i === 7 || i === 9) s += '-';
  }
  return s;
}

/** A 128-bit random token as 32 hex characters (job ids, upload ids, session tokens). */
export function randomToken(): string {
  return randomBlock().toString('hex');
}
