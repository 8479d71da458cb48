import { permanentRedirect } from "next/navigation";
import type { CSSProperties, ReactNode } from "react";
import { db } from "@/db";
import { findSlugRedirect } from "@/lib/publishers/find-slug-redirect";
import { getPortalBrand } from "@/lib/publishers/get-portal-brand";

/**
 * The booking portal in the publisher's colours: its accent replaces the brand colour
 * (checked at save to carry white text), lighter and darker steps mixed from it. A
 * former booking address redirects to the current one, so shared links keep working.
 */
export default async function BookingPortalLayout({
  children,
  params,
}: {
  children: ReactNode;
  params: Promise<{ publisher: string }>;
}) {
  const { publisher: slug } = await params;
  const brand = await getPortalBrand(db, slug);
  if (!brand) {
    const current = await findSlugRedirect(db, slug);
    if (current) permanentRedirect(`/book/${current}`);
    return children;
  }
  const accent = brand.accentColor;
  const style = accent
    ? ({
        "--color-brand-50": `color-mix(in oklch, ${accent} 6%, white)`,
        "--color-brand-100": `color-mix(in oklch, ${accent} 12%, white)`,
        "--color-brand-600": accent,
        "--color-brand-700": `color-mix(in oklch, ${accent} 85%, black)`,
        "--color-brand-800": `color-mix(in oklch, ${accent} 70%, black)`,
      } as CSSProperties)
    : undefined;
  return (
    <div style={style}>
      {brand.logoUrl && (
        <div className="mx-auto max-w-5xl px-4 pt-6 md:px-8">
          {/* biome-ignore lint/performance/noImgElement: a small uploaded logo, served as stored */}
          <img src={brand.logoUrl} alt={brand.name} className="h-10 w-auto max-w-60 object-contain" />
        </div>
      )}
      {children}
    </div>
  );
}
