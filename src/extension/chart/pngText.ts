/**
 * PNG metadata: puts the export's title into the file as an iTXt chunk (UTF-8, so Chinese titles
 * survive) and reads a PNG's size and texts back (the tests use it). No vscode here.
 */
const SIGNATURE_LENGTH = 8;

let crcTable: Uint32Array | undefined;

function crc32(bytes: Uint8Array): number {
  if (!crcTable) {
    crcTable = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) {
        c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      }
      crcTable[n] = c >>> 0;
    }
  }
  let crc = 0xffffffff;
  for (const byte of bytes) {
    crc = crcTable[(crc ^ byte) & 0xff] ^ (crc >>> 8);
  }
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const typeAndData = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const out = Buffer.alloc(8 + data.length + 4);
  out.writeUInt32BE(data.length, 0);
  typeAndData.copy(out, 4);
  out.writeUInt32BE(crc32(typeAndData), 8 + data.length);
  return out;
}

/** The PNG with an uncompressed iTXt chunk `keyword` = `text` right after IHDR. */
export function withPngText(png: Buffer, keyword: string, text: string): Buffer {
  const ihdrEnd = SIGNATURE_LENGTH + 8 + png.readUInt32BE(SIGNATURE_LENGTH) + 4;
  // keyword, NUL, no compression (0, 0), no language tag, NUL, no translated keyword, NUL, text.
  const data = Buffer.concat([
    Buffer.from(keyword, 'latin1'),
    Buffer.from([0, 0, 0, 0, 0]),
    Buffer.from(text, 'utf8'),
  ]);
  return Buffer.concat([png.subarray(0, ihdrEnd), chunk('iTXt', data), png.subarray(ihdrEnd)]);
}

export interface PngInfo {
  readonly width: number;
  readonly height: number;
  /** Uncompressed tEXt/iTXt entries, keyword → text. */
  readonly texts: Readonly<Record<string, string>>;
}

/** Size and texts of a PNG; throws on anything that is not one (or a broken chunk checksum). */
export function readPngInfo(png: Buffer): PngInfo {
  if (png.length < 33 || png.readUInt32BE(0) !== 0x89504e47) {
    throw new Error('not a PNG');
  }
  const texts: Record<string, string> = {};
  let offset = SIGNATURE_LENGTH;
  while (offset + 12 <= png.length) {
    const length = png.readUInt32BE(offset);
    const type = png.toString('latin1', offset + 4, offset + 8);
    const data = png.subarray(offset + 8, offset + 8 + length);
    if (png.readUInt32BE(offset + 8 + length) !== crc32(png.subarray(offset + 4, offset + 8 + length))) {
      throw new Error(`bad checksum in the ${type} chunk`);
    }
    const nul = data.indexOf(0);
    if (type === 'tEXt' && nul > 0) {
      texts[data.toString('latin1', 0, nul)] = data.toString('latin1', nul + 1);
    } else if (type === 'iTXt' && nul > 0 && data[nul + 1] === 0) {
      const language = data.indexOf(0, nul + 3);
      const translated = data.indexOf(0, language + 1);
      texts[data.toString('latin1', 0, nul)] = data.toString('utf8', translated + 1);
    }
    offset += 12 + length;
  }
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20), texts };
}
