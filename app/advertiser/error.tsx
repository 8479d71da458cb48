"use client";

import { ErrorProblem } from "@/components/shell/error-problem";

export default function AdvertiserError({
  error,
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  return (
    <ErrorProblem reset={reset} digest={error.digest} home="/advertiser/orders" homeLabel="Go to my orders" />
  );
}
