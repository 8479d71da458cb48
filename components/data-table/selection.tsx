"use client";

import {
  createContext,
  type ReactNode,
  startTransition,
  useActionState,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
} from "react";
import { actionResultToast } from "@/components/ui/action-toast";
import { Button } from "@/components/ui/button";
import { callAction } from "@/components/ui/call-action";
import { Checkbox } from "@/components/ui/controls";
import { useToast } from "@/components/ui/toast";
import type { ActionState } from "@/lib/http/result";

type Selection = {
  /** Selected ids that are on the current page, in page order. */
  selected: string[];
  ids: readonly string[];
  isSelected: (id: string) => boolean;
  toggle: (id: string, on: boolean) => void;
  setAll: (on: boolean) => void;
  clear: () => void;
};

const SelectionContext = createContext<Selection | null>(null);

function useSelection(): Selection {
  const selection = useContext(SelectionContext);
  if (!selection) throw new Error("Row selection components must be inside <SelectionProvider>.");
  return selection;
}

/** The ids selected on the current page, for custom bulk-action UI inside a selectable DataTable. */
export function useSelectedIds(): string[] {
  return useSelection().selected;
}

/** Holds which rows of the current page are selected. DataTable mounts it when rows are selectable. */
export function SelectionProvider({ ids, children }: { ids: readonly string[]; children: ReactNode }) {
  const [chosen, setChosen] = useState<ReadonlySet<string>>(() => new Set());
  // Rows that left the page (next page, new filter) drop out of the selection.
  const selected = useMemo(() => ids.filter((id) => chosen.has(id)), [ids, chosen]);

  const toggle = useCallback((id: string, on: boolean) => {
    setChosen((prev) => {
      const next = new Set(prev);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  }, []);
  const setAll = useCallback((on: boolean) => setChosen(on ? new Set(ids) : new Set()), [ids]);
  const clear = useCallback(() => setChosen(new Set()), []);

  const value = useMemo<Selection>(
    () => ({ selected, ids, isSelected: (id) => selected.includes(id), toggle, setAll, clear }),
    [selected, ids, toggle, setAll, clear],
  );
  return <SelectionContext.Provider value={value}>{children}</SelectionContext.Provider>;
}

export function SelectAllCheckbox() {
  const { selected, ids, setAll } = useSelection();
  const ref = useRef<HTMLInputElement>(null);
  const all = ids.length > 0 && selected.length === ids.length;
  const some = selected.length > 0 && !all;
  useEffect(() => {
    if (ref.current) ref.current.indeterminate = some;
  }, [some]);
  return (
    <Checkbox
      ref={ref}
      checked={all}
      disabled={ids.length === 0}
      onChange={(event) => setAll(event.currentTarget.checked)}
      aria-label="Select all rows on this page"
    />
  );
}

export function RowCheckbox({ id, label }: { id: string; label: string }) {
  const { isSelected, toggle } = useSelection();
  return (
    <Checkbox
      checked={isSelected(id)}
      onChange={(event) => toggle(id, event.currentTarget.checked)}
      aria-label={`Select ${label}`}
    />
  );
}

// biome-ignore lint/suspicious/noExplicitAny: any action's data type is accepted; only ok/message/error are read
type BulkAction = (prev: ActionState<any>, formData: FormData) => Promise<ActionState<any>>;

/**
 * A form that sends the selected row ids (one hidden input named `name`, default "ids",
 * per row) with a server action made by defineAction. Its controls are disabled while
 * nothing is selected; the result is toasted and a success clears the selection.
 *
 *   <BulkActionForm id="orders-bulk" action={bulkOrderAction} successMessage="Orders updated">
 *     <SubmitButton name="action" value="pause" variant="secondary" size="sm">Pause</SubmitButton>
 *     <ConfirmDialog formId="orders-bulk" submitName="action" submitValue="cancel" … />
 *   </BulkActionForm>
 *
 * One selected id arrives as a single value, several as repeated values.
 */
export function BulkActionForm({
  action,
  children,
  id,
  name = "ids",
  successMessage,
  fields,
}: {
  action: BulkAction;
  children: ReactNode;
  /** Lets a ConfirmDialog elsewhere submit this form (`formId`). */
  id?: string;
  name?: string;
  successMessage?: string;
  /** More hidden inputs, e.g. { publisherSlug }. */
  fields?: Record<string, string | number>;
}) {
  const { selected, clear } = useSelection();
  const resend = useRef<(form: FormData) => void>(() => {});
  // A lost connection keeps the page and the selection, and offers Retry.
  const [state, formAction] = useActionState<ActionState<unknown>, FormData>(
    (prev, form) => callAction(() => action(prev, form), { form, retry: () => resend.current(form) }),
    null,
  );
  resend.current = (form) => startTransition(() => formAction(form));
  const { toast } = useToast();
  // biome-ignore lint/correctness/useExhaustiveDependencies: react to each new result only
  useEffect(() => {
    // A lost connection was already said, with Retry, by callAction.
    const input =
      state?.ok === false && state.code === "network" ? null : actionResultToast(state, successMessage);
    if (input) toast(input);
    if (state?.ok) clear();
  }, [state]);

  const count = selected.length;
  return (
    <form id={id} action={formAction} className="flex flex-wrap items-center gap-3">
      {selected.map((value) => (
        <input key={value} type="hidden" name={name} value={value} />
      ))}
      {Object.entries(fields ?? {}).map(([field, value]) => (
        <input key={field} type="hidden" name={field} value={value} />
      ))}
      <p aria-live="polite" className="text-sm text-ink-muted tabular-nums">
        {count === 0 ? "Select rows for bulk actions" : `${count} selected`}
      </p>
      <fieldset disabled={count === 0} className="flex flex-wrap items-center gap-2">
        <legend className="sr-only">Bulk actions</legend>
        {children}
        {count > 0 && (
          <Button variant="ghost" size="sm" onClick={clear}>
            Clear selection
          </Button>
        )}
      </fieldset>
    </form>
  );
}
