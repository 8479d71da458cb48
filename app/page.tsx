import Link from "next/link";
import { redirect } from "next/navigation";
import { db } from "@/db";
import { publishers } from "@/db/schema";
import { currentActor, landingPathFor } from "@/lib/auth/current-actor";
import { hasPublisher } from "@/lib/publishers/has-publisher";

export default async function Home() {
  // A fresh AdDesk with no publisher has nobody to sign in: it starts with setup.
  if (!(await hasPublisher(db))) redirect("/setup");
  const actor = await currentActor();
  if (actor) redirect(landingPathFor(actor));
  const kits = await db.select({ slug: publishers.slug, name: publishers.name }).from(publishers).limit(20);
  return (
    <main className="mx-auto max-w-3xl px-6 py-16">
      <h1 className="text-3xl font-semibold">AdDesk</h1>
      <p className="mt-3 text-lg text-slate-600">
        The order desk for publishers that sell advertising directly: rate cards, self-serve booking with live
        availability, approvals that never overbook, delivery tracking and billing.
      </p>
      <p className="mt-8">
        <Link
          href="/login"
          className="rounded-md bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700"
        >
          Sign in
        </Link>
      </p>
      {kits.length > 0 && (
        <section className="mt-12">
          <h2 className="text-lg font-semibold">Advertise with</h2>
          <ul className="mt-3 space-y-2">
            {kits.map((k) => (
              <li key={k.slug}>
                <Link href={`/book/${k.slug}`} className="text-brand-700 underline-offset-2 hover:underline">
                  {k.name}
                </Link>
              </li>
            ))}
          </ul>
        </section>
      )}
    </main>
  );
}
