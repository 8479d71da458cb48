"use client";

import { ErrorProblem } from "@/components/shell/error-problem";

export default function PublisherError({
  error,
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  return (
    <ErrorProblem reset={reset} digest={error.digest} home="/publisher" homeLabel="Go to the desk overview" />
  );
}
