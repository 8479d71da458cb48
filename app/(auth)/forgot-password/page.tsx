import Link from "next/link";
import { ForgotPasswordForm } from "@/components/auth/forgot-password-form";

export const metadata = { title: "Forgot password" };

export default function ForgotPasswordPage() {
  return (
    <main className="mx-auto flex min-h-screen max-w-sm flex-col justify-center px-6 py-12">
      <Link href="/" className="text-lg font-semibold">
        AdDesk
      </Link>
      <h1 className="mt-6 text-2xl font-semibold">Forgot your password?</h1>
      <p className="mt-1 text-sm text-slate-600">
        Enter the email you sign in with and we will email you a link to choose a new password.
      </p>
      <div className="mt-6">
        <ForgotPasswordForm />
      </div>
      <p className="mt-6 text-sm">
        <Link href="/login" className="font-medium text-slate-700 underline-offset-2 hover:underline">
          Back to sign in
        </Link>
      </p>
    </main>
  );
}
