import { signZoneToken } from "./zone-token";

export type ZoneTags = {
  token: string;
  /** For websites: a frame the size of the zone. */
  iframe: string;
  /** For websites: a script that writes the same frame where it stands. */
  script: string;
  /** For newsletters: the image (chooses and counts when the email is opened) and its link. */
  newsletterImage: string;
  newsletterLink: string;
  newsletter: string;
  /** A whole HTML page with the website tag, to save and open for a test. */
  testPage: string;
};

/** What the publisher's mailing tool writes per recipient; the placeholder they replace. */
export const openIdPlaceholder = "RECIPIENT_ID";

const attribute = (value: string) =>
  value.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");

/** The tags a publisher pastes once for a zone, pointing at `appUrl`. */
export function zoneTags(
  appUrl: string,
  zone: { id: number; name: string; width: number | null; height: number | null },
): ZoneTags {
  const base = appUrl.replace(/\/+$/, "");
  const token = signZoneToken({ zoneId: zone.id });
  const width = zone.width ?? 300;
  const height = zone.height ?? 250;
  const title = attribute(`Advertisement: ${zone.name}`);
  const frameUrl = `${base}/s/f/${token}`;
  const iframe = `<iframe src="${frameUrl}" width="${width}" height="${height}" title="${title}" style="border:0;overflow:hidden" scrolling="no" loading="lazy"></iframe>`;
  const script = `<script src="${base}/s/j/${token}.js" async></script>`;
  const newsletterImage = `${base}/s/z/${token}.png?o=${openIdPlaceholder}`;
  const newsletterLink = `${base}/s/c/${token}?o=${openIdPlaceholder}`;
  const newsletter = `<a href="${newsletterLink}"><img src="${newsletterImage}" width="${width}" height="${height}" alt="Advertisement" style="display:block;border:0"></a>`;
  const testPage = `<!doctype html>\n<html lang="en">\n<head><meta charset="utf-8"><title>Zone test: ${attribute(zone.name)}</title></head>\n<body>\n<h1>Zone test: ${attribute(zone.name)}</h1>\n${iframe}\n</body>\n</html>\n`;
  return { token, iframe, script, newsletterImage, newsletterLink, newsletter, testPage };
}
