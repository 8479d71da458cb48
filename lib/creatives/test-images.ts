import { deflateSync } from "node:zlib";

/**
 * Tiny, complete images built byte by byte, for tests (unit and e2e) that need real
 * uploads of a given pixel size without binary fixtures in the repository.
 */

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const byte of bytes) c = crcTable[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function pngChunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, "ascii");
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/** A solid-colour RGB PNG. */
export function pngBytes(
  width: number,
  height: number,
  rgb: [number, number, number] = [37, 99, 235],
): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  const row = Buffer.concat([Buffer.from([0]), Buffer.from(Array.from({ length: width }, () => rgb).flat())]);
  const raw = Buffer.concat(Array.from({ length: height }, () => row));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk("IHDR", ihdr),
    pngChunk("IDAT", deflateSync(raw)),
    pngChunk("IEND", Buffer.alloc(0)),
  ]);
}

/** A GIF whose logical screen is width × height, holding one 1×1 frame. */
export function gifBytes(width: number, height: number): Buffer {
  const screen = Buffer.alloc(4);
  screen.writeUInt16LE(width, 0);
  screen.writeUInt16LE(height, 2);
  return Buffer.concat([
    Buffer.from("GIF89a", "ascii"),
    screen,
    Buffer.from([0x80, 0x00, 0x00, 0xff, 0xff, 0xff, 0x00, 0x00, 0x00]),
    Buffer.from([0x2c, 0, 0, 0, 0, 1, 0, 1, 0, 0x00, 0x02, 0x02, 0x44, 0x01, 0x00, 0x3b]),
  ]);
}

const segment = (marker: number, data: Buffer) => {
  const head = Buffer.from([0xff, marker, 0, 0]);
  head.writeUInt16BE(data.length + 2, 2);
  return Buffer.concat([head, data]);
};

/**
 * A baseline greyscale JPEG: flat mid-grey, so each 8×8 block is "DC unchanged, end of
 * block", two one-bit Huffman codes. An APP0 and a comment come before the frame header
 * so readers must walk segments to find the size.
 */
export function jpegBytes(width: number, height: number): Buffer {
  const frame = Buffer.alloc(9);
  frame[0] = 8;
  frame.writeUInt16BE(height, 1);
  frame.writeUInt16BE(width, 3);
  frame.set([1, 1, 0x11, 0], 5);
  const oneCodeTable = (tableClass: number) =>
    Buffer.concat([Buffer.from([tableClass]), Buffer.from([1, ...new Array(15).fill(0)]), Buffer.from([0])]);
  const blocks = Math.ceil(width / 8) * Math.ceil(height / 8);
  const bits = `${"00".repeat(blocks)}`.padEnd(Math.ceil((blocks * 2) / 8) * 8, "1");
  const scan = Buffer.from(bits.match(/.{8}/g)?.map((byte) => Number.parseInt(byte, 2)) ?? []);
  return Buffer.concat([
    Buffer.from([0xff, 0xd8]),
    segment(0xe0, Buffer.from([0x4a, 0x46, 0x49, 0x46, 0x00, 1, 1, 0, 0, 1, 0, 1, 0, 0])),
    segment(0xfe, Buffer.from("made by hand", "ascii")),
    segment(0xdb, Buffer.concat([Buffer.from([0]), Buffer.alloc(64, 1)])),
    segment(0xc0, frame),
    segment(0xc4, oneCodeTable(0x00)),
    segment(0xc4, oneCodeTable(0x10)),
    segment(0xda, Buffer.from([1, 1, 0x00, 0, 63, 0])),
    scan,
    Buffer.from([0xff, 0xd9]),
  ]);
}

function riff(chunks: Buffer): Buffer {
  const head = Buffer.alloc(12);
  head.write("RIFF", 0, "ascii");
  head.writeUInt32LE(4 + chunks.length, 4);
  head.write("WEBP", 8, "ascii");
  return Buffer.concat([head, chunks]);
}

function riffChunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.write(type, 0, "ascii");
  head.writeUInt32LE(data.length, 4);
  return Buffer.concat([head, data, data.length % 2 ? Buffer.alloc(1) : Buffer.alloc(0)]);
}

/** Writes values least significant bit first, as VP8L does. */
function bitWriter() {
  const bits: number[] = [];
  return {
    write(value: number, count: number) {
      for (let i = 0; i < count; i++) bits.push((value >>> i) & 1);
    },
    bytes() {
      const out = Buffer.alloc(Math.ceil(bits.length / 8));
      bits.forEach((bit, i) => {
        out[i >> 3] |= bit << (i & 7);
      });
      return out;
    },
  };
}

/**
 * A solid-colour lossless (VP8L) WebP: no transforms and five one-symbol prefix codes,
 * so every pixel costs zero bits.
 */
export function webpLosslessBytes(
  width: number,
  height: number,
  argb: [number, number, number, number] = [255, 37, 99, 235],
): Buffer {
  const w = bitWriter();
  w.write(0x2f, 8);
  w.write(width - 1, 14);
  w.write(height - 1, 14);
  w.write(0, 1);
  w.write(0, 3);
  w.write(0, 1);
  w.write(0, 1);
  w.write(0, 1);
  const [alpha, red, green, blue] = argb;
  for (const symbol of [green, red, blue, alpha]) {
    w.write(1, 1);
    w.write(0, 1);
    w.write(1, 1);
    w.write(symbol, 8);
  }
  w.write(1, 1);
  w.write(0, 1);
  w.write(0, 1);
  w.write(0, 1);
  return riff(riffChunk("VP8L", w.bytes()));
}

/** A lossy (VP8) WebP key frame header of the given size. */
export function webpLossyBytes(width: number, height: number): Buffer {
  const data = Buffer.alloc(16);
  data.set([0x30, 0x01, 0x00, 0x9d, 0x01, 0x2a], 0);
  data.writeUInt16LE(width & 0x3fff, 6);
  data.writeUInt16LE(height & 0x3fff, 8);
  return riff(riffChunk("VP8 ", data));
}

/** An extended (VP8X) WebP whose canvas is width × height. */
export function webpExtendedBytes(width: number, height: number): Buffer {
  const data = Buffer.alloc(10);
  data.writeUIntLE(width - 1, 4, 3);
  data.writeUIntLE(height - 1, 7, 3);
  return riff(Buffer.concat([riffChunk("VP8X", data), webpLosslessBytes(width, height).subarray(12)]));
}
