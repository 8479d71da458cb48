import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  gifBytes,
  jpegBytes,
  pngBytes,
  webpExtendedBytes,
  webpLosslessBytes,
  webpLossyBytes,
} from "@/test/fixtures/images";
import { extensionFor, sniffImage } from "./sniff-image";

describe("sniffImage reads the type and pixel size from the bytes", () => {
  it.each([
    ["PNG", pngBytes(728, 90), "image/png", "png", 728, 90],
    ["GIF", gifBytes(300, 250), "image/gif", "gif", 300, 250],
    ["JPEG", jpegBytes(160, 600), "image/jpeg", "jpg", 160, 600],
    ["WebP lossy (VP8)", webpLossyBytes(320, 50), "image/webp", "webp", 320, 50],
    ["WebP lossless (VP8L)", webpLosslessBytes(970, 250), "image/webp", "webp", 970, 250],
    ["WebP extended (VP8X)", webpExtendedBytes(1200, 628), "image/webp", "webp", 1200, 628],
  ] as const)("%s", (_, bytes, mimeType, extension, width, height) => {
    expect(sniffImage(bytes)).toEqual({ mimeType, extension, width, height });
  });

  it("finds the size in a progressive JPEG (SOF2) after other segments", () => {
    const bytes = jpegBytes(64, 48);
    const sof = bytes.indexOf(Buffer.from([0xff, 0xc0]));
    bytes[sof + 1] = 0xc2;
    expect(sniffImage(bytes)).toMatchObject({ mimeType: "image/jpeg", width: 64, height: 48 });
  });

  it("does not mistake a Huffman table (C4) for a frame header", () => {
    const bytes = jpegBytes(64, 48);
    // Move the DHT segments before the frame: a reader that took C4 for SOF would misread the size.
    const sof = bytes.indexOf(Buffer.from([0xff, 0xc0]));
    const dht = bytes.indexOf(Buffer.from([0xff, 0xc4]));
    const sos = bytes.indexOf(Buffer.from([0xff, 0xda]));
    const reordered = Buffer.concat([
      bytes.subarray(0, sof),
      bytes.subarray(dht, sos),
      bytes.subarray(sof, dht),
      bytes.subarray(sos),
    ]);
    expect(sniffImage(reordered)).toMatchObject({ width: 64, height: 48 });
  });

  it.each([
    ["HTML named like a PNG", Buffer.from("<html><script>alert(1)</script></html>")],
    ["an SVG", Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>')],
    ["an empty file", Buffer.alloc(0)],
    ["a PNG cut short before its size", pngBytes(10, 10).subarray(0, 20)],
    [
      "a PNG signature without IHDR first",
      Buffer.concat([pngBytes(1, 1).subarray(0, 12), Buffer.from("IDATxxxxxxxx")]),
    ],
    [
      "a JPEG with no frame header before its data",
      Buffer.from([0xff, 0xd8, 0xff, 0xda, 0x00, 0x02, 0xff, 0xd9]),
    ],
    [
      "a RIFF that is not WebP",
      Buffer.concat([Buffer.from("RIFF\x10\x00\x00\x00WAVEfmt "), Buffer.alloc(30)]),
    ],
    ["a GIF with zero width", gifBytes(0, 10)],
    ["a PDF", Buffer.from("%PDF-1.7\n%âãÏÓ\n1 0 obj\n")],
  ])("refuses %s", (_, bytes) => {
    expect(sniffImage(bytes)).toBeNull();
  });

  it("never throws on arbitrary bytes", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
        const result = sniffImage(bytes);
        if (result) expect(result.width).toBeGreaterThan(0);
      }),
    );
  });

  it("reads back any size it is given", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 4000 }), fc.integer({ min: 1, max: 4000 }), (width, height) => {
        for (const bytes of [
          gifBytes(width, height),
          jpegBytes(width, height),
          webpLosslessBytes(width, height),
          webpExtendedBytes(width, height),
        ]) {
          expect(sniffImage(bytes)).toMatchObject({ width, height });
        }
      }),
      { numRuns: 50 },
    );
  });

  it("names download extensions from the stored type", () => {
    expect(extensionFor("image/jpeg")).toBe("jpg");
    expect(extensionFor("image/webp")).toBe("webp");
    expect(extensionFor("text/html")).toBe("html");
    expect(extensionFor(null)).toBe("txt");
  });
});
