"use client";

import { Button } from "@/components/ui/button";
import { Problem } from "./problem";

/** An error boundary's page: the error is logged on the server; the person gets words and a retry. */
export function ErrorProblem({
  reset,
  digest,
  home = "/",
  homeLabel,
}: {
  reset: () => void;
  digest?: string;
  home?: string;
  homeLabel?: string;
}) {
  return (
    <Problem
      title="Something went wrong"
      home={home}
      homeLabel={homeLabel}
      action={
        <Button variant="secondary" onClick={reset}>
          Try again
        </Button>
      }
    >
      <p>This page could not be shown. Nothing you saved is lost; try again, or start over from home.</p>
      {digest && <p className="text-xs">Reference: {digest}</p>}
    </Problem>
  );
}
