"use client";

import { ErrorProblem } from "@/components/shell/error-problem";
import "./globals.css";

/** When even the root layout fails: it replaces the layout, so it brings its own html and body. */
export default function GlobalError({
  error,
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  return (
    <html lang="en">
      <body className="min-h-screen bg-slate-50 text-slate-900 antialiased">
        <main>
          <ErrorProblem reset={reset} digest={error.digest} />
        </main>
      </body>
    </html>
  );
}
