/**
 * Deterministic pseudo-randomness for the demo data: every figure is a pure function of
 * (seed, owner, day, purpose), so any day can be generated on its own, in any order.
 */

/** FNV-1a over the UTF-16 code units of `text`, as an unsigned 32-bit integer. */
export function hashString(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}

/** Mixes integers into one well-spread unsigned 32-bit value (a murmur3-style finalizer per step). */
function mix(...parts: number[]): number {
  let h = 0x9e3779b9;
  for (const part of parts) {
    h ^= part >>> 0;
    h = Math.imul(h ^ (h >>> 16), 0x85ebca6b) >>> 0;
    h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35) >>> 0;
    h = (h ^ (h >>> 16)) >>> 0;
  }
  return h >>> 0;
}

/** A uniform number in [0, 1) derived from the parts. */
export function unit(...parts: number[]): number {
  return mix(...parts) / 0x100000000;
}

/** A uniform integer in [0, max] derived from the parts. */
export function intUpTo(max: number, ...parts: number[]): number {
  return Math.floor(unit(...parts) * (max + 1));
}

/** Small labels so two figures drawn for the same owner and day do not share a random stream. */
export const enum Salt {
  Profile = 1,
  Chats = 2,
  ChatChurn = 3,
  Members = 4,
  MemberChurn = 5,
  Messages = 8,
  Migrated = 9,
}
