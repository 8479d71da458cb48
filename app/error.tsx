"use client";

import { ErrorProblem } from "@/components/shell/error-problem";

export default function RootError({
  error,
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  return (
    <main>
      <ErrorProblem reset={reset} digest={error.digest} />
    </main>
  );
}
