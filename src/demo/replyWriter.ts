/**
 * Writes a reply body the way a misbehaving server would: trickled, padded to a huge size, or cut
 * off mid-body. The padding is streamed from one reused buffer so a 12 MB reply never exists as a
 * string, and every write stops as soon as the client disconnects or the server closes.
 */
import { once } from 'node:events';
import type * as http from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';

/** How to send one body; {} = at once, as the fake always did. */
export interface Delivery {
  /** Headers at once, then the body at this rate (so an idle timeout never fires, a deadline does). */
  bytesPerSecond?: number;
  /** Pad the JSON object with a trailing "padding" string field to at least this many bytes. */
  padToBytes?: number;
  /** No content-length (chunked encoding): only counting received bytes tells the size. */
  chunked?: boolean;
  /** Announce the full content-length, send half the body, then close the connection. */
  truncate?: boolean;
}

export interface BodyWrite {
  /** Stop writing now (server close); the connection is left to the caller. */
  stop(): void;
}

const PAD_FIELD = ',"padding":"';
const PAD_END = '"}';
const SLICE_BYTES = 64 * 1024;
const PAD_CHUNK = Buffer.alloc(SLICE_BYTES, 'x');

export function isPlainDelivery(d: Delivery): boolean {
  return d.bytesPerSecond === undefined && d.padToBytes === undefined && !d.chunked && !d.truncate;
}

/** The body as a few buffers: the JSON, or the JSON reopened with a padding field streamed from PAD_CHUNK. */
function bodyParts(
  payload: string,
  padToBytes: number | undefined,
): { length: number; parts: () => Iterable<Buffer> } {
  const json = Buffer.from(payload, 'utf8');
  if (padToBytes === undefined) {
    return { length: json.length, parts: () => [json] };
  }
  if (json.at(-1) !== '}'.charCodeAt(0)) {
    throw new Error('only a JSON object can be padded');
  }
  const head = Buffer.concat([json.subarray(0, json.length - 1), Buffer.from(PAD_FIELD)]);
  const tail = Buffer.from(PAD_END);
  const padding = Math.max(0, padToBytes - head.length - tail.length);
  function* parts(): Generator<Buffer> {
    yield head;
    for (let left = padding; left > 0; left -= SLICE_BYTES) {
      yield PAD_CHUNK.subarray(0, Math.min(left, SLICE_BYTES));
    }
    yield tail;
  }
  return { length: head.length + padding + tail.length, parts };
}

/** Re-cuts `parts` into slices of at most `size` bytes, stopping after `limit` bytes in all. */
function* slices(parts: Iterable<Buffer>, limit: number, size: number): Generator<Buffer> {
  let left = limit;
  for (const part of parts) {
    for (let at = 0; at < part.length && left > 0;) {
      const slice = part.subarray(at, at + Math.min(size, left));
      at += slice.length;
      left -= slice.length;
      yield slice;
    }
    if (left <= 0) {
      return;
    }
  }
}

/**
 * Sends status, headers and body per `delivery`; `settled` runs once when the body is done, cut
 * off, or abandoned because the client went away or stop() was called.
 */
export function writeReply(
  res: http.ServerResponse,
  status: number,
  payload: string,
  delivery: Delivery,
  settled: () => void,
): BodyWrite {
  const abort = new AbortController();
  const { signal } = abort;
  const stop = (): void => abort.abort();
  // 'close' also fires after a normal end; stopping then is a no-op.
  res.once('close', stop);
  const { length, parts } = bodyParts(payload, delivery.padToBytes);
  const rate = delivery.bytesPerSecond;
  // Drip in ~10 slices a second, at least one byte each, so 1 B/s sends a byte every second.
  const sliceBytes =
    rate === undefined ? SLICE_BYTES : Math.max(1, Math.min(SLICE_BYTES, Math.floor(rate / 10)));
  const pauseMs = rate === undefined ? 0 : (sliceBytes * 1000) / rate;
  const limit = delivery.truncate ? Math.floor(length / 2) : length;

  async function pump(): Promise<void> {
    const headers: http.OutgoingHttpHeaders = { 'content-type': 'application/json; charset=UTF-8' };
    if (!delivery.chunked) {
      headers['content-length'] = length;
    }
    res.writeHead(status, headers);
    res.flushHeaders();
    let first = true;
    for (const slice of slices(parts(), limit, sliceBytes)) {
      if (!first && pauseMs > 0) {
        await sleep(pauseMs, undefined, { signal });
      }
      first = false;
      if (signal.aborted) {
        return;
      }
      if (!res.write(slice)) {
        await once(res, 'drain', { signal });
      }
    }
    if (signal.aborted) {
      return;
    }
    if (delivery.truncate) {
      // destroySoon: FIN after the half already written, so the client gets exactly `limit` bytes.
      res.socket?.destroySoon();
    } else {
      res.end();
    }
  }

  void pump()
    .catch(() => undefined) // aborted: the client left or the server is closing
    .finally(() => {
      res.off('close', stop);
      settled();
    });
  return { stop };
}
