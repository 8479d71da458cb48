import Link from "next/link";
import { Card } from "@/components/ui/card";
import type { ChecklistStep } from "@/lib/publishers/get-setup-checklist";

/** The new desk's first steps, each ticked from what the desk already has. */
export function SetupChecklist({ steps }: { steps: ChecklistStep[] }) {
  const done = steps.filter((s) => s.done).length;
  return (
    <Card title="Get your desk ready" description={`${done} of ${steps.length} done`}>
      <ol className="space-y-3">
        {steps.map((step) => (
          <li key={step.key} className="flex items-start gap-3">
            <span
              aria-hidden="true"
              className={
                step.done
                  ? "mt-0.5 grid size-5 shrink-0 place-items-center rounded-full bg-green-600 text-xs text-white"
                  : "mt-0.5 size-5 shrink-0 rounded-full border-2 border-line-strong"
              }
            >
              {step.done ? "✓" : ""}
            </span>
            <div className="min-w-0">
              <Link href={step.href} className="font-medium text-brand-700 underline underline-offset-2">
                {step.title}
              </Link>
              <span className="sr-only">{step.done ? " (done)" : " (to do)"}</span>
              <p className="text-sm text-ink-muted">{step.description}</p>
            </div>
          </li>
        ))}
      </ol>
    </Card>
  );
}
