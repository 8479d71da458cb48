import { Card } from "@/components/ui/card";
import { ProgressBar } from "@/components/ui/progress-bar";

/** Seed 001: the status with a progress bar of the order, and recommended next steps. */
export function OrderProgress({
  workflowPercent,
  deliveryPercent,
  steps,
}: {
  workflowPercent: number;
  deliveryPercent: number;
  steps: string[];
}) {
  return (
    <Card title="Progress">
      <div className="grid gap-4 sm:grid-cols-2">
        <ProgressBar label="Workflow" value={workflowPercent} />
        <ProgressBar label="Delivered" value={deliveryPercent} tone="green" />
      </div>
      <section aria-label="Next steps" className="mt-4">
        <h3 className="text-sm font-medium text-ink">Next steps</h3>
        {steps.length === 0 ? (
          <p className="mt-1 text-sm text-ink-muted">Nothing to do right now.</p>
        ) : (
          <ul className="mt-1 list-disc space-y-1 pl-5 text-sm text-ink">
            {steps.map((step) => (
              <li key={step}>{step}</li>
            ))}
          </ul>
        )}
      </section>
    </Card>
  );
}
