/**
 * Image type and pixel size read from the file's own bytes: the file name and the
 * browser's declared type are the uploader's claims, not facts. Only the few header
 * bytes each format puts first are read; the rest of the file is not decoded.
 */
export const imageTypes = {
  png: "image/png",
  jpg: "image/jpeg",
  gif: "image/gif",
  webp: "image/webp",
} as const;

export type ImageExtension = keyof typeof imageTypes;
export type ImageMimeType = (typeof imageTypes)[ImageExtension];
export type SniffedImage = {
  mimeType: ImageMimeType;
  extension: ImageExtension;
  width: number;
  height: number;
};

const ascii = (bytes: Uint8Array, start: number, text: string) =>
  bytes.length >= start + text.length && [...text].every((ch, i) => bytes[start + i] === ch.charCodeAt(0));

const u16be = (b: Uint8Array, i: number) => (b[i] << 8) | b[i + 1];
const u16le = (b: Uint8Array, i: number) => b[i] | (b[i + 1] << 8);
const u24le = (b: Uint8Array, i: number) => b[i] | (b[i + 1] << 8) | (b[i + 2] << 16);
const u32be = (b: Uint8Array, i: number) =>
  ((b[i] << 24) >>> 0) + ((b[i + 1] << 16) | (b[i + 2] << 8) | b[i + 3]);
const u32le = (b: Uint8Array, i: number) =>
  (b[i] | (b[i + 1] << 8) | (b[i + 2] << 16)) + ((b[i + 3] << 24) >>> 0);

const pngSignature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

function png(b: Uint8Array) {
  if (b.length < 24 || !pngSignature.every((byte, i) => b[i] === byte)) return null;
  // The first chunk must be IHDR (13 bytes): width and height come first in it.
  if (u32be(b, 8) !== 13 || !ascii(b, 12, "IHDR")) return null;
  return { width: u32be(b, 16), height: u32be(b, 20) };
}

function gif(b: Uint8Array) {
  if (b.length < 10 || !(ascii(b, 0, "GIF87a") || ascii(b, 0, "GIF89a"))) return null;
  return { width: u16le(b, 6), height: u16le(b, 8) };
}

// Start-of-frame markers carry the size; C4 (Huffman), C8 (reserved) and CC (arithmetic) do not.
const startOfFrame = new Set([0xc0, 0xc1, 0xc2, 0xc3, 0xc5, 0xc6, 0xc7, 0xc9, 0xca, 0xcb, 0xcd, 0xce, 0xcf]);

function jpeg(b: Uint8Array) {
  if (b.length < 4 || b[0] !== 0xff || b[1] !== 0xd8 || b[2] !== 0xff) return null;
  let i = 2;
  while (i < b.length) {
    if (b[i] !== 0xff) return null;
    while (i < b.length && b[i] === 0xff) i++;
    if (i >= b.length) return null;
    const marker = b[i++];
    // Markers without a length: TEM, RST0–7 and a repeated SOI.
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd8)) continue;
    // The image data (SOS) or the end (EOI) before any frame header: no size to read.
    if (marker === 0xd9 || marker === 0xda) return null;
    if (i + 2 > b.length) return null;
    const length = u16be(b, i);
    if (length < 2) return null;
    if (startOfFrame.has(marker)) {
      if (length < 7 || i + 7 > b.length) return null;
      return { height: u16be(b, i + 3), width: u16be(b, i + 5) };
    }
    i += length;
  }
  return null;
}

function webp(b: Uint8Array) {
  if (b.length < 30 || !ascii(b, 0, "RIFF") || !ascii(b, 8, "WEBP")) return null;
  if (ascii(b, 12, "VP8 ")) {
    // Lossy: a key frame's 3-byte tag, the start code 9D 01 2A, then 14-bit sizes.
    if (b[23] !== 0x9d || b[24] !== 0x01 || b[25] !== 0x2a) return null;
    return { width: u16le(b, 26) & 0x3fff, height: u16le(b, 28) & 0x3fff };
  }
  if (ascii(b, 12, "VP8L")) {
    // Lossless: signature 0x2F, then width−1 and height−1 in 14 bits each.
    if (b[20] !== 0x2f) return null;
    const bits = u32le(b, 21);
    return { width: (bits & 0x3fff) + 1, height: ((bits >>> 14) & 0x3fff) + 1 };
  }
  if (ascii(b, 12, "VP8X")) {
    // Extended: flags and reserved bytes, then canvas width−1 and height−1 in 24 bits each.
    return { width: u24le(b, 24) + 1, height: u24le(b, 27) + 1 };
  }
  return null;
}

const readers: [ImageExtension, (b: Uint8Array) => { width: number; height: number } | null][] = [
  ["png", png],
  ["jpg", jpeg],
  ["gif", gif],
  ["webp", webp],
];

/** The image's real type and size, or null when the bytes are not a PNG, JPEG, GIF or WebP we can read. */
export function sniffImage(bytes: Uint8Array): SniffedImage | null {
  for (const [extension, read] of readers) {
    const size = read(bytes);
    if (!size) continue;
    if (size.width < 1 || size.height < 1) return null;
    return { mimeType: imageTypes[extension], extension, ...size };
  }
  return null;
}

/** The file extension for a stored type, for download names. */
export function extensionFor(mimeType: string | null): string {
  const found = (Object.entries(imageTypes) as [ImageExtension, string][]).find(
    ([, type]) => type === mimeType,
  );
  if (found) return found[0];
  if (mimeType === "text/html") return "html";
  return "txt";
}
