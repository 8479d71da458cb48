import { splitTextCreative } from "@/lib/creatives/text-creative";
import type { ServedCreative } from "./serving-view";

const escapeHtml = (value: string) =>
  value.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/**
 * The policy of a zone frame. `sandbox` without allow-same-origin gives the frame an opaque
 * origin: an HTML creative's script can never read AdDesk's cookies or pages, and a click
 * may open the advertiser's page in a new tab.
 */
export const framePolicy =
  "sandbox allow-scripts allow-popups allow-popups-to-escape-sandbox; default-src 'none'; img-src * data:; style-src 'unsafe-inline'; script-src * 'unsafe-inline'; frame-src *; font-src * data:";

const head = (title: string) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title><style>html,body{margin:0;padding:0;overflow:hidden;font:14px/1.4 system-ui,sans-serif}a{color:inherit}img{display:block;border:0}.cover{position:absolute;inset:0}.text{display:block;padding:8px;text-decoration:none}.text strong{display:block;text-decoration:underline}</style></head>`;

/**
 * The frame's document for a served creative: the image in a link, the text creative as a
 * headline and text in a link, an HTML creative under a transparent link that takes its
 * clicks (so they are counted). `clickPath` and `assetPath` are the frame's own links.
 */
export function frameDocument(
  creative: ServedCreative,
  lineItemId: number,
  clickPath: string,
  assetPath: string,
): string {
  const open = `<a href="${escapeHtml(clickPath)}" target="_blank" rel="noopener"`;
  let body: string;
  if (creative.kind === "image") {
    const size =
      creative.width && creative.height ? ` width="${creative.width}" height="${creative.height}"` : "";
    body = `${open}><img src="${escapeHtml(assetPath)}"${size} alt="${escapeHtml(creative.name)}"></a>`;
  } else if (creative.kind === "text") {
    const { headline, text } = splitTextCreative(creative.body);
    body = `${open} class="text"><strong>${escapeHtml(headline)}</strong>${escapeHtml(text)}</a>`;
  } else {
    body = `${creative.body ?? ""}${open} class="cover" aria-label="${escapeHtml(creative.name)}"></a>`;
  }
  return `${head("Advertisement")}<body data-creative="${creative.id}" data-creative-name="${escapeHtml(creative.name)}" data-line-item="${lineItemId}">${body}</body></html>`;
}

/** The frame when nothing booked may serve and the zone has a house ad: it, uncounted. */
export function houseAdDocument(
  houseAd: { imageUrl: string; clickUrl: string | null },
  width: number | null,
  height: number | null,
): string {
  const size = width && height ? ` width="${width}" height="${height}"` : "";
  const image = `<img src="${escapeHtml(houseAd.imageUrl)}"${size} alt="">`;
  const body = houseAd.clickUrl
    ? `<a href="${escapeHtml(houseAd.clickUrl)}" target="_blank" rel="noopener" aria-label="House ad">${image}</a>`
    : image;
  return `${head("Advertisement")}<body data-creative="" data-line-item="" data-house-ad="">${body}</body></html>`;
}

/** The frame when nothing may serve: an empty, transparent document. */
export const emptyFrameDocument = `${head("Advertisement")}<body data-creative="" data-line-item=""></body></html>`;

/** The script tag's code: writes the zone's frame where the script stands. */
export function tagScript(framePath: string, width: number, height: number, title: string): string {
  const json = (value: unknown) => JSON.stringify(value).replace(/</g, "\\u003c");
  return `(function(){var s=document.currentScript;if(!s||!s.parentNode)return;var f=document.createElement("iframe");f.src=new URL(${json(framePath)},s.src).href;f.width=${json(String(width))};f.height=${json(String(height))};f.title=${json(title)};f.setAttribute("scrolling","no");f.style.border="0";f.style.overflow="hidden";s.parentNode.insertBefore(f,s);})();\n`;
}
