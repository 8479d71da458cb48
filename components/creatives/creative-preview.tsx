import { ScrollRegion } from "@/components/ui/scroll-region";
import type { CreativeListItem } from "@/lib/creatives/creative-details";
import { htmlPreviewDocument } from "@/lib/creatives/html-preview-document";
import { splitTextCreative } from "@/lib/creatives/text-creative";

type Previewable = Pick<CreativeListItem, "id" | "name" | "kind" | "body" | "width" | "height">;

/**
 * What the creative looks like. Images come through the access-checked file route; HTML
 * runs in an iframe sandboxed with no permissions at all (no scripts, no forms, no
 * navigation, its own origin) under a policy that lets it load nothing from elsewhere;
 * text is plain text.
 */
export function CreativePreview({ creative }: { creative: Previewable }) {
  const label = `Preview of ${creative.name}`;
  if (creative.kind === "image") {
    return (
      <ScrollRegion label={label} className="rounded-md border border-line bg-slate-50 p-2">
        {/* biome-ignore lint/performance/noImgElement: a private, access-checked file; the image optimizer must not fetch or cache it */}
        <img
          src={`/files/creatives/${creative.id}`}
          alt={label}
          width={creative.width ?? undefined}
          height={creative.height ?? undefined}
          loading="lazy"
          className="h-auto max-w-full"
        />
      </ScrollRegion>
    );
  }
  if (creative.kind === "html") {
    const width = creative.width ?? 300;
    const height = creative.height ?? 250;
    return (
      <ScrollRegion label={label} className="rounded-md border border-line bg-slate-50 p-2">
        <iframe
          title={label}
          sandbox=""
          srcDoc={htmlPreviewDocument(creative.body ?? "")}
          width={width}
          height={height}
          referrerPolicy="no-referrer"
          loading="lazy"
          className="block max-w-none border-0 bg-white"
        />
      </ScrollRegion>
    );
  }
  const { headline, text } = splitTextCreative(creative.body);
  return (
    <figure aria-label={label} className="rounded-md border border-line bg-white p-3 text-sm">
      <p className="font-semibold text-ink">{headline}</p>
      {text && <p className="mt-1 whitespace-pre-wrap text-ink-muted">{text}</p>}
    </figure>
  );
}
