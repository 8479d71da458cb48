import { z } from "zod";
import { Invalid } from "@/lib/core/errors";
import { sniffImage } from "@/lib/creatives/sniff-image";

export const maxLogoBytes = 512 * 1024;
const maxLogoSide = 4000;

/** An uploaded logo file; empty file inputs never reach here (see formDataToObject). */
export const logoUpload = z
  .instanceof(File, { error: "Choose an image file (PNG, JPEG, GIF or WebP)." })
  .optional();

/**
 * Reads a logo's real type and size from its bytes (the file name and declared type are
 * the uploader's claims). SVG is not accepted: it can carry script.
 */
export async function readLogo(file: File) {
  if (file.size > maxLogoBytes) {
    throw new Invalid("The logo is too large.", { logo: ["Use an image of at most 512 KB."] });
  }
  const content = Buffer.from(await file.arrayBuffer());
  const image = sniffImage(content);
  if (!image) {
    throw new Invalid("The logo is not an image AdDesk can show.", {
      logo: ["Use a PNG, JPEG, GIF or WebP image."],
    });
  }
  if (image.width > maxLogoSide || image.height > maxLogoSide) {
    throw new Invalid("The logo is too large.", {
      logo: ["Use an image at most 4,000 pixels on each side."],
    });
  }
  return { content, mimeType: image.mimeType, width: image.width, height: image.height };
}
