import type { FieldError } from "@/components/ui/field";
import { CheckboxField, Fieldset } from "@/components/ui/field";

export type AssignableLineItem = {
  lineItemId: number;
  orderName: string;
  zoneName: string;
  width: number | null;
  height: number | null;
};

export function lineItemLabel(item: AssignableLineItem) {
  const size = item.width && item.height ? ` (${item.width}×${item.height})` : "";
  return `${item.orderName} · line item #${item.lineItemId} · ${item.zoneName}${size}`;
}

/** One checkbox per open line item, labelled by order, line item and zone. */
export function LineItemCheckboxes({
  items,
  legend,
  hint,
  error,
  checked,
}: {
  items: readonly AssignableLineItem[];
  legend: string;
  hint?: string;
  error?: FieldError;
  checked: (lineItemId: number) => boolean;
}) {
  return (
    <Fieldset legend={legend} hint={hint} error={error} className="sm:col-span-2">
      {items.map((item) => (
        <CheckboxField
          key={item.lineItemId}
          label={lineItemLabel(item)}
          name="lineItemIds[]"
          value={item.lineItemId}
          defaultChecked={checked(item.lineItemId)}
        />
      ))}
    </Fieldset>
  );
}
