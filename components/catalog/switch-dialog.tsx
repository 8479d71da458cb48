import { ConfirmDialog, type ConfirmDialogProps } from "@/components/ui/confirm-dialog";

type Side = { trigger: string; title: string; confirm?: string; body: string };

/**
 * A catalog switch (archive / unarchive, pause / resume ads) behind a confirmation: the
 * button names what pressing it does now, and the action gets `field=on` to switch on,
 * nothing to switch off (the verbs read it as a checkbox).
 */
export function SwitchDialog({
  on,
  subject,
  action,
  ids,
  field,
  turnOn,
  turnOff,
}: {
  on: boolean;
  /** Read after the button's words by screen readers: "Archive" + " Home page". */
  subject: string;
  action: NonNullable<ConfirmDialogProps["action"]>;
  ids: Record<string, number>;
  field: string;
  turnOn: Side;
  turnOff: Side;
}) {
  const side = on ? turnOff : turnOn;
  return (
    <ConfirmDialog
      triggerLabel={
        <>
          {side.trigger}
          <span className="sr-only"> {subject}</span>
        </>
      }
      triggerVariant="ghost"
      triggerSize="sm"
      title={side.title}
      confirmLabel={side.confirm ?? side.trigger}
      action={action}
      fields={on ? ids : { ...ids, [field]: "on" }}
    >
      <p>{side.body}</p>
    </ConfirmDialog>
  );
}
