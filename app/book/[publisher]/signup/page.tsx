import Link from "next/link";
import { notFound } from "next/navigation";
import { SignUpForm } from "@/components/auth/signup-form";
import { getMediaKit } from "@/lib/booking/get-media-kit";
import { makePublicCtx } from "@/lib/core/context";

export const metadata = { title: "Create an advertiser account" };

export default async function SignUpPage({ params }: { params: Promise<{ publisher: string }> }) {
  const { publisher: slug } = await params;
  const kit = await getMediaKit(makePublicCtx(null), { slug });
  if (!kit) notFound();
  return (
    <main className="mx-auto flex min-h-screen max-w-sm flex-col justify-center px-6 py-12">
      <Link href={`/book/${slug}`} className="text-sm text-slate-600 hover:underline">
        ← {kit.publisher.name} media kit
      </Link>
      <h1 className="mt-4 text-2xl font-semibold">Advertise with {kit.publisher.name}</h1>
      <p className="mt-1 text-sm text-slate-600">
        Create an account to book ads, upload creatives and follow delivery.
      </p>
      <div className="mt-6">
        <SignUpForm publisherSlug={slug} />
      </div>
      <p className="mt-6 text-sm text-slate-600">
        Already have an account?{" "}
        <Link href="/login" className="font-medium text-brand-700 hover:underline">
          Sign in
        </Link>
      </p>
    </main>
  );
}
