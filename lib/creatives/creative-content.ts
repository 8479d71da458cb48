import { z } from "zod";
import { Invalid } from "@/lib/core/errors";
import { megabytes } from "@/lib/core/request-limits";
import { idList, text, webUrl } from "@/lib/core/validation";
import { type SniffedImage, sniffImage } from "./sniff-image";
import { joinTextCreative } from "./text-creative";

/** Upload limits. The server action body limit (lib/core/request-limits) must stay above the image limit. */
export const maxImageBytes = 2 * 1024 * 1024;
export const maxHtmlBytes = 100 * 1024;
export const maxHeadlineLength = 100;
export const maxTextLength = 1000;
/** JPEG and GIF cannot be larger; a PNG or WebP header claiming more is a lie or a probe (2³¹ would not fit the column). */
export const maxImageSide = 65_535;

export const clickUrl = webUrl({
  required: "Enter the click URL.",
  tooLong: "Keep the click URL under 2,000 characters.",
});

export const creativeName = text({
  min: 1,
  max: 200,
  required: "Give the creative a name.",
  tooLong: "Keep the name under 200 characters.",
});

export const lineItemIds = idList();

const imageContent = z.object({
  kind: z.literal("image"),
  file: z.instanceof(File, { error: "Choose an image file (PNG, JPEG, GIF or WebP)." }),
});
const htmlContent = z.object({
  kind: z.literal("html"),
  html: text({ min: 1, max: maxHtmlBytes, required: "Paste the creative's HTML." }).refine(
    (html) => Buffer.byteLength(html, "utf8") <= maxHtmlBytes,
    { error: `HTML creatives are limited to ${maxHtmlBytes / 1024} KB.` },
  ),
});
const textContent = z.object({
  kind: z.literal("text"),
  headline: text({
    min: 1,
    max: maxHeadlineLength,
    required: "Write a headline.",
    tooLong: `Keep the headline under ${maxHeadlineLength} characters.`,
  }),
  text: text({
    min: 1,
    max: maxTextLength,
    required: "Write the text.",
    tooLong: `Keep the text under ${maxTextLength.toLocaleString("en-US")} characters.`,
  }),
});

/** The creative's content by kind, plus whatever fields the verb adds (name, click URL…). */
export function withContent<Shape extends z.ZodRawShape>(shape: Shape) {
  return z.discriminatedUnion(
    "kind",
    [imageContent.extend(shape), htmlContent.extend(shape), textContent.extend(shape)],
    { error: "Choose image, HTML or text." },
  );
}

export type CreativeContent =
  | z.infer<typeof imageContent>
  | z.infer<typeof htmlContent>
  | z.infer<typeof textContent>;

/** Content checked and ready to store: an image's bytes with what they really are, or a body. */
export type PreparedContent =
  | { kind: "image"; bytes: Uint8Array; image: SniffedImage }
  | { kind: "html" | "text"; body: string };

/**
 * Checks an upload by its bytes: the size limit first (before reading further), then the
 * real type and pixel size. The name and declared type of the file are never consulted.
 */
export async function prepareContent(content: CreativeContent): Promise<PreparedContent> {
  if (content.kind === "html") return { kind: "html", body: content.html };
  if (content.kind === "text")
    return { kind: "text", body: joinTextCreative(content.headline, content.text) };
  const { file } = content;
  if (file.size === 0) throw fileError("The file is empty.");
  if (file.size > maxImageBytes) {
    throw fileError(
      `The file is ${megabytes(file.size)}; images are limited to ${megabytes(maxImageBytes)}.`,
    );
  }
  const bytes = new Uint8Array(await file.arrayBuffer());
  const image = sniffImage(bytes);
  if (!image) throw fileError("This file is not a PNG, JPEG, GIF or WebP image.");
  if (image.width > maxImageSide || image.height > maxImageSide) {
    throw fileError(
      `The image claims to be ${image.width.toLocaleString("en-US")} × ${image.height.toLocaleString("en-US")} pixels; images are limited to ${maxImageSide.toLocaleString("en-US")} pixels a side.`,
    );
  }
  return { kind: "image", bytes, image };
}

/** The creatives columns for prepared content; `filePath` is where an image's bytes were stored. */
export function contentColumns(content: PreparedContent, filePath: string | undefined) {
  if (content.kind === "image") {
    return {
      kind: content.kind,
      filePath: filePath ?? null,
      mimeType: content.image.mimeType,
      byteSize: content.bytes.byteLength,
      width: content.image.width,
      height: content.image.height,
      body: null,
    };
  }
  return {
    kind: content.kind,
    filePath: null,
    mimeType: content.kind === "html" ? "text/html" : "text/plain",
    byteSize: null,
    width: null,
    height: null,
    body: content.body,
  };
}

export function fileError(message: string): Invalid {
  return new Invalid(message, { file: [message] });
}
