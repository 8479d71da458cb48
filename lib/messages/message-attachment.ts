import { z } from "zod";
import { invalidField } from "@/lib/core/errors";
import { megabytes } from "@/lib/core/request-limits";
import { maxImageBytes } from "@/lib/creatives/creative-content";
import { sniffImage } from "@/lib/creatives/sniff-image";

/** Same limit as creative images, so the server action body limit already covers it. */
export const maxAttachmentBytes = maxImageBytes;

/**
 * An optional file. A form whose file input was left empty may still post a nameless empty part
 * (browsers and Next's action decoding differ on its name), so that counts as no attachment;
 * a chosen file that is empty is still refused by checkAttachment.
 */
const leftEmpty = (value: unknown) =>
  value instanceof File && value.size === 0 && ["", "blob", "undefined"].includes(value.name)
    ? undefined
    : value;

export const attachmentFile = z.preprocess(
  leftEmpty,
  z.instanceof(File, { error: "Attach a file (PNG, JPEG, GIF, WebP or PDF)." }).optional(),
);

export type CheckedAttachment = { fileName: string; mimeType: string; size: number; content: Buffer };

const isPdf = (b: Uint8Array) => b.length >= 5 && String.fromCharCode(...b.subarray(0, 5)) === "%PDF-";

/** Keeps a file name printable and short; it is only ever shown and sent as a download name. */
function cleanName(name: string, extension: string) {
  const base = name
    .replace(/[^\w.\- ]+/g, "_")
    .slice(0, 120)
    .trim();
  return base || `attachment.${extension}`;
}

/**
 * Checks an attachment by its bytes, like a creative upload: the size limit first, then the
 * real type (an image or a PDF). The browser's declared type is never consulted.
 */
export async function checkAttachment(file: File): Promise<CheckedAttachment> {
  if (file.size > maxAttachmentBytes) {
    throw invalidField(
      "attachment",
      `The file is ${megabytes(file.size)}; attachments are limited to ${megabytes(maxAttachmentBytes)}.`,
    );
  }
  const bytes = new Uint8Array(await file.arrayBuffer());
  const image = sniffImage(bytes);
  const mimeType = image?.mimeType ?? (isPdf(bytes) ? "application/pdf" : null);
  if (!mimeType) throw invalidField("attachment", "Attach a PNG, JPEG, GIF or WebP image or a PDF.");
  const extension = image?.extension ?? "pdf";
  return {
    fileName: cleanName(file.name, extension),
    mimeType,
    size: bytes.byteLength,
    content: Buffer.from(bytes),
  };
}
