import Link from "next/link";
import { notFound } from "next/navigation";
import { BookingCart } from "@/components/booking/booking-cart";
import { ZoneTerms } from "@/components/booking/zone-terms";
import { LinkButton } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { currentActor } from "@/lib/auth/current-actor";
import { getBookingOptions } from "@/lib/booking/get-booking-options";
import { getMediaKit } from "@/lib/booking/get-media-kit";
import { makePublicCtx } from "@/lib/core/context";
import { firstParam } from "@/lib/core/search-params";
import { parseId } from "@/lib/core/validation";
import { formatCount, formatMoney } from "@/lib/format";
import { modelName, ratePer } from "@/lib/format/units";
import { publisherRating } from "@/lib/reviews/list-reviews";

export async function generateMetadata({ params }: { params: Promise<{ publisher: string }> }) {
  const kit = await getMediaKit(makePublicCtx(null), { slug: (await params).publisher });
  return { title: kit ? `Advertise with ${kit.publisher.name}` : "Media kit" };
}

export default async function MediaKitPage({
  params,
  searchParams,
}: {
  params: Promise<{ publisher: string }>;
  searchParams: Promise<{ welcome?: string; zone?: string }>;
}) {
  const { publisher: slug } = await params;
  const actor = await currentActor();
  const kit = await getMediaKit(makePublicCtx(actor), { slug });
  if (!kit) notFound();
  const query = await searchParams;
  const { welcome } = query;
  const { publisher } = kit;
  const rating = await publisherRating(makePublicCtx(actor).db, publisher.id);
  const booking = await getBookingOptions(makePublicCtx(actor), { slug });
  const chosenZone = parseId(firstParam(query, "zone"));
  const bookHref = (zoneId: number) =>
    booking ? `/book/${slug}?zone=${zoneId}#book` : actor ? null : `/book/${slug}/signup`;
  return (
    <main className="mx-auto max-w-5xl px-4 py-10 md:px-8">
      <header className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <Link href="/" className="text-sm text-slate-500 hover:underline">
            AdDesk
          </Link>
          <h1 className="text-3xl font-semibold">Advertise with {publisher.name}</h1>
          <p className="mt-1 text-slate-600">
            Our properties, ad zones and rates. Prices in {publisher.currency}.
          </p>
          {rating && (
            <p className="mt-1 text-sm text-slate-700">
              Rated {rating.average.toFixed(1)} out of 5 by advertisers ({rating.reviews}{" "}
              {rating.reviews === 1 ? "review" : "reviews"})
            </p>
          )}
        </div>
        {actor?.kind === "advertiser" && actor.publisherId === publisher.id ? (
          <LinkButton href="/advertiser/orders" variant="primary">
            My orders
          </LinkButton>
        ) : (
          !actor && (
            <div className="flex gap-2">
              <LinkButton href="/login">Sign in</LinkButton>
              <LinkButton href={`/book/${slug}/signup`} variant="primary">
                Create an account
              </LinkButton>
            </div>
          )
        )}
      </header>
      {welcome && actor && (
        <p
          role="status"
          className="mt-6 rounded-md border border-green-200 bg-green-50 px-4 py-3 text-green-900"
        >
          Welcome! Your account is ready. Pick an ad zone below to start booking.
        </p>
      )}
      <div className="mt-8 space-y-6">
        {kit.properties.map((property) => (
          <Card key={property.id} title={property.name} description={property.description || property.kind}>
            {property.audience && (
              <p className="mb-4 text-sm text-slate-600">Audience: {property.audience}</p>
            )}
            <ul className="grid gap-4 sm:grid-cols-2">
              {property.zones.map((zone) => (
                <li key={zone.id} className="rounded-md border border-slate-200 p-4">
                  <h3 className="font-medium">{zone.name}</h3>
                  <p className="text-sm text-slate-500">
                    {zone.format}
                    {zone.width && zone.height ? ` · ${zone.width}×${zone.height}` : ""} ·{" "}
                    {modelName[zone.pricingModel]}
                  </p>
                  <p className="mt-2 text-lg font-semibold">
                    {formatMoney(zone.baseRate, publisher.currency)}{" "}
                    <span className="text-sm font-normal text-slate-500">{ratePer[zone.pricingModel]}</span>
                  </p>
                  {zone.monthlyImpressions > 0 && (
                    <p className="text-sm text-slate-600">
                      ≈ {formatCount(zone.monthlyImpressions)} impressions a month
                    </p>
                  )}
                  <p className="text-xs text-slate-500">
                    Countries: {Object.keys(zone.countryShares).sort().join(", ")}
                  </p>
                  <ZoneTerms zone={zone} currency={publisher.currency} />
                  {bookHref(zone.id) && (
                    <Link
                      href={bookHref(zone.id)!}
                      className="mt-3 inline-block text-sm font-medium text-brand-700 hover:underline"
                    >
                      Book this zone<span className="sr-only">: {zone.name}</span>
                      <span aria-hidden="true"> →</span>
                    </Link>
                  )}
                </li>
              ))}
            </ul>
          </Card>
        ))}
      </div>
      <section id="book" aria-labelledby="book-heading" className="mt-10 scroll-mt-6">
        <h2 id="book-heading" className="mb-4 text-2xl font-semibold">
          Book
        </h2>
        {booking ? (
          <BookingCart
            publisherSlug={slug}
            currency={booking.currency}
            today={booking.today}
            zones={booking.zones}
            initialZoneId={chosenZone ?? undefined}
          />
        ) : (
          <Card>
            {actor ? (
              <p className="text-sm text-slate-600">
                Booking here is for advertisers of {publisher.name}. You are signed in with another account.
              </p>
            ) : (
              <div className="flex flex-wrap items-center justify-between gap-4">
                <p className="text-sm text-slate-600">
                  Sign up to check availability by day and country, see prices and book. It takes a minute.
                </p>
                <div className="flex gap-2">
                  <LinkButton href="/login">Sign in to book</LinkButton>
                  <LinkButton href={`/book/${slug}/signup`} variant="primary">
                    Sign up to book
                  </LinkButton>
                </div>
              </div>
            )}
          </Card>
        )}
      </section>
    </main>
  );
}
