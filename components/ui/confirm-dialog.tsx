"use client";

import {
  type FormEvent,
  type ReactNode,
  type RefObject,
  startTransition,
  useActionState,
  useEffect,
  useId,
  useRef,
  useState,
} from "react";
import type { ActionState } from "@/lib/http/result";
import { actionResultToast } from "./action-toast";
import { Button } from "./button";
import type { ButtonSize, ButtonVariant } from "./button-classes";
import { callAction } from "./call-action";
import { SubmitButton } from "./submit-button";
import { showToast } from "./toast";

// biome-ignore lint/suspicious/noExplicitAny: any action's data type is accepted; only ok/message/error are read
type ConfirmAction = (prev: ActionState<any>, formData: FormData) => Promise<ActionState<any>>;

export type ConfirmDialogProps = {
  /** Text of the button that opens the dialog. */
  triggerLabel: ReactNode;
  triggerVariant?: ButtonVariant;
  triggerSize?: ButtonSize;
  triggerDisabled?: boolean;
  title: string;
  /** What will happen, in plain words. May hold extra fields (a reason) when `action` is used. */
  children?: ReactNode;
  /** Adds "This cannot be undone." and makes the confirm button red. */
  irreversible?: boolean;
  /** Defaults to the trigger label when that is a string. */
  confirmLabel?: string;
  cancelLabel?: string;
  tone?: "danger" | "primary";
  /** A server action made with defineAction; its result is toasted and shown if it fails. */
  action?: ConfirmAction;
  /** Hidden inputs sent with `action`, e.g. { orderId: order.id }. */
  fields?: Record<string, string | number>;
  /** Toast title when the action's result has no message of its own. */
  successMessage?: string;
  /** Instead of `action`: the id of a form elsewhere on the page that confirm submits. */
  formId?: string;
  /** With `formId`: the confirm button's name and value, e.g. "action" = "cancel". */
  submitName?: string;
  submitValue?: string;
  /**
   * Opened from elsewhere (a menu item) instead of its own button: no trigger is drawn,
   * and `onOpenChange(false)` says when it closed.
   */
  open?: boolean;
  onOpenChange?: (open: boolean) => void;
};

/**
 * A button that asks before doing something consequential. Either give it an `action`
 * (and `fields`), or the `formId` of a form to submit (a bulk action form, say; inside
 * a form always use `formId`, as forms cannot nest).
 *
 *   <ConfirmDialog triggerLabel="Cancel order" title="Cancel this order?" irreversible
 *     action={cancelOrder} fields={{ orderId: order.id }} successMessage="Order canceled">
 *     Its reservations are released and the undelivered value becomes a credit note.
 *   </ConfirmDialog>
 */
export function ConfirmDialog({
  triggerLabel,
  triggerVariant,
  triggerSize = "md",
  triggerDisabled,
  title,
  children,
  irreversible = false,
  confirmLabel,
  cancelLabel = "Go back",
  tone,
  action,
  fields,
  successMessage,
  formId,
  submitName,
  submitValue,
  open: openProp,
  onOpenChange,
}: ConfirmDialogProps) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const pendingRef = useRef(false);
  // Remounting the form after each close clears the last attempt's error before the next open.
  const [closeCount, setCloseCount] = useState(0);
  const titleId = useId();
  const bodyId = useId();
  const danger = (tone ?? (irreversible ? "danger" : "primary")) === "danger";
  const confirmText = confirmLabel ?? (typeof triggerLabel === "string" ? triggerLabel : "Confirm");

  const open = () => dialogRef.current?.showModal();
  const close = () => dialogRef.current?.close();
  const controlled = openProp !== undefined;
  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog || openProp === undefined) return;
    if (openProp && !dialog.open) dialog.showModal();
    if (!openProp && dialog.open) dialog.close();
  }, [openProp]);

  const body = (
    <div id={bodyId} className="space-y-3 text-sm text-ink-muted">
      {children}
      {irreversible && <p className="font-medium text-ink">This cannot be undone.</p>}
    </div>
  );

  return (
    <>
      {!controlled && (
        <Button
          variant={triggerVariant ?? "secondary"}
          size={triggerSize}
          disabled={triggerDisabled}
          aria-haspopup="dialog"
          onClick={open}
        >
          {triggerLabel}
        </Button>
      )}
      <dialog
        ref={dialogRef}
        aria-labelledby={titleId}
        aria-describedby={bodyId}
        onClose={() => {
          setCloseCount((n) => n + 1);
          onOpenChange?.(false);
        }}
        // Escape must not abandon an action that is running: its result would be lost.
        onCancel={(event) => pendingRef.current && event.preventDefault()}
        className="m-auto w-[calc(100%-2rem)] max-w-md rounded-lg border border-line bg-surface p-0 text-ink shadow-xl"
      >
        <div className="space-y-4 p-5">
          <h2 id={titleId} className="text-lg font-semibold text-ink">
            {title}
          </h2>
          {action ? (
            <ConfirmActionForm
              key={closeCount}
              action={action}
              pendingRef={pendingRef}
              fields={fields}
              successMessage={successMessage}
              onDone={close}
              body={body}
              cancelLabel={cancelLabel}
              confirmText={confirmText}
              danger={danger}
            />
          ) : (
            <>
              {body}
              <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
                <Button variant="secondary" onClick={close}>
                  {cancelLabel}
                </Button>
                <Button
                  type="submit"
                  form={formId}
                  name={submitName}
                  value={submitValue}
                  variant={danger ? "danger" : "primary"}
                  onClick={close}
                >
                  {confirmText}
                </Button>
              </div>
            </>
          )}
        </div>
      </dialog>
    </>
  );
}

function ConfirmActionForm({
  action,
  pendingRef,
  fields,
  successMessage,
  onDone,
  body,
  cancelLabel,
  confirmText,
  danger,
}: {
  action: ConfirmAction;
  pendingRef: RefObject<boolean>;
  fields?: Record<string, string | number>;
  successMessage?: string;
  onDone: () => void;
  body: ReactNode;
  cancelLabel: string;
  confirmText: string;
  danger: boolean;
}) {
  const resend = useRef<(form: FormData) => void>(() => {});
  // Toast as soon as the action answers: the page it revalidates may no longer render
  // this dialog (an approved order has no Approve button), and the toast must survive that.
  const [state, formAction, pending] = useActionState<ActionState<unknown>, FormData>(async (prev, form) => {
    const result = await callAction(() => action(prev, form), { form, retry: () => resend.current(form) });
    const input = result?.ok ? actionResultToast(result, successMessage) : null;
    if (input) showToast(input);
    return result;
  }, null);
  resend.current = (form) => startTransition(() => formAction(form));
  useEffect(() => {
    pendingRef.current = pending;
  }, [pending, pendingRef]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: close once per successful result
  useEffect(() => {
    if (state?.ok) onDone();
  }, [state]);

  // onSubmit, not <form action>: React resets a form after its action, which would
  // blank a typed reason after a refusal (see useActionForm).
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget, (event.nativeEvent as SubmitEvent).submitter);
    startTransition(() => formAction(data));
  };

  return (
    <form onSubmit={onSubmit} className="space-y-4">
      {Object.entries(fields ?? {}).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {body}
      {state && !state.ok && (
        <div role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm font-medium text-red-800">
          <p>{state.error}</p>
          {Object.values(state.fieldErrors)
            .flat()
            .map((message) => (
              <p key={message}>{message}</p>
            ))}
        </div>
      )}
      <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
        <Button variant="secondary" onClick={onDone} disabled={pending}>
          {cancelLabel}
        </Button>
        <SubmitButton variant={danger ? "danger" : "primary"} pendingLabel="Working…">
          {confirmText}
        </SubmitButton>
      </div>
    </form>
  );
}
