import { LinkButton } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";

/**
 * What a page shows someone whose role cannot use it: why, and a way back, instead of
 * sending them elsewhere without a word.
 */
export function RoleRefusal({
  title,
  description = "Your role can read this desk but not change it. Ask an owner or admin to change your role.",
  backHref,
  backLabel,
}: {
  title: string;
  description?: string;
  backHref: string;
  backLabel: string;
}) {
  return (
    <Card>
      <EmptyState
        title={title}
        description={description}
        action={<LinkButton href={backHref}>{backLabel}</LinkButton>}
      />
    </Card>
  );
}
