"use client";

import { useEffect, useRef, useState } from "react";
import { Button } from "@/components/ui/button";

/** For pages served over plain http on another host, where navigator.clipboard does not exist. */
function copyWithSelection(text: string): boolean {
  const area = document.createElement("textarea");
  area.value = text;
  area.setAttribute("readonly", "");
  area.style.position = "fixed";
  area.style.opacity = "0";
  document.body.append(area);
  area.select();
  try {
    return document.execCommand("copy");
  } catch {
    return false;
  } finally {
    area.remove();
  }
}

/**
 * Copies `text` to the clipboard and says so: "Copied" (announced to screen readers),
 * or, where the browser refuses, how to copy by hand.
 */
export function CopyButton({ text, label }: { text: string; label: string }) {
  const [status, setStatus] = useState<"idle" | "copied" | "failed">("idle");
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);

  async function copy() {
    let ok = false;
    try {
      if (navigator.clipboard?.writeText) {
        await navigator.clipboard.writeText(text);
        ok = true;
      }
    } catch {
      ok = false;
    }
    if (!ok) ok = copyWithSelection(text);
    setStatus(ok ? "copied" : "failed");
    clearTimeout(timer.current);
    timer.current = setTimeout(() => setStatus("idle"), 4000);
  }

  return (
    <span className="inline-flex items-center gap-2">
      <Button variant="secondary" size="sm" onClick={copy} aria-label={`Copy ${label}`}>
        Copy
      </Button>
      <span role="status" className="min-w-14 text-xs text-ink-muted">
        {status === "copied" ? "Copied" : status === "failed" ? "Select and copy by hand" : ""}
      </span>
    </span>
  );
}
