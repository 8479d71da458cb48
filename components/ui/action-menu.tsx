"use client";

import * as Menu from "@radix-ui/react-dropdown-menu";
import Link from "next/link";
import { type ReactNode, useRef, useState } from "react";
import { buttonClasses } from "./button-classes";
import { cn } from "./cn";
import { ConfirmDialog, type ConfirmDialogProps } from "./confirm-dialog";

/** What a confirm item opens: a ConfirmDialog without its own trigger button. */
export type ActionMenuConfirm = Omit<
  ConfirmDialogProps,
  "triggerLabel" | "triggerVariant" | "triggerSize" | "triggerDisabled" | "open" | "onOpenChange"
>;

export type ActionMenuItem = {
  /** Unique within the menu. */
  key: string;
  label: string;
  /** Red text: the item does something that cannot be undone. */
  danger?: boolean;
} & ({ href: string; confirm?: never } | { confirm: ActionMenuConfirm; href?: never });

/**
 * The one row menu: a button ("Actions", plus `subject` for screen readers) opening a
 * list of items. It closes on a choice, Escape or a click outside, only one is open at
 * a time, and arrow keys move through the items (Radix DropdownMenu). An item either
 * links somewhere or opens a confirmation dialog; focus returns to the button after.
 */
export function ActionMenu({
  items,
  subject,
  label = "Actions",
}: {
  items: readonly ActionMenuItem[];
  /** Completes the button's accessible name: "Actions for order #12". */
  subject: string;
  label?: ReactNode;
}) {
  const triggerRef = useRef<HTMLButtonElement>(null);
  // The item chosen while the menu closes; its dialog opens once focus is back on the button.
  const chosen = useRef<string | null>(null);
  const [openKey, setOpenKey] = useState<string | null>(null);
  if (items.length === 0) return null;

  return (
    <>
      <Menu.Root modal={false}>
        <Menu.Trigger ref={triggerRef} className={buttonClasses("ghost", "sm", "group")}>
          {label}
          <span className="sr-only"> for {subject}</span>
          <span aria-hidden="true" className="text-xs group-data-[state=open]:rotate-180">
            ▾
          </span>
        </Menu.Trigger>
        <Menu.Portal>
          <Menu.Content
            align="end"
            sideOffset={4}
            collisionPadding={8}
            className="z-50 min-w-44 rounded-md border border-line bg-surface p-1 text-sm text-ink shadow-lg"
            onCloseAutoFocus={(event) => {
              const key = chosen.current;
              if (key === null) return;
              chosen.current = null;
              // The dialog remembers the focused element and gives focus back to it on close.
              event.preventDefault();
              triggerRef.current?.focus();
              setOpenKey(key);
            }}
          >
            {items.map((item) => {
              const className = cn(
                "block w-full cursor-pointer rounded px-3 py-2 text-left outline-none select-none",
                "data-[highlighted]:bg-slate-100",
                item.danger ? "text-red-800" : "text-ink",
              );
              return item.href !== undefined ? (
                <Menu.Item key={item.key} asChild className={className}>
                  <Link href={item.href}>{item.label}</Link>
                </Menu.Item>
              ) : (
                <Menu.Item
                  key={item.key}
                  className={className}
                  onSelect={() => {
                    chosen.current = item.key;
                  }}
                >
                  {item.label}…
                </Menu.Item>
              );
            })}
          </Menu.Content>
        </Menu.Portal>
      </Menu.Root>
      {items.map(
        (item) =>
          item.confirm && (
            <ConfirmDialog
              key={item.key}
              triggerLabel={item.label}
              {...item.confirm}
              open={openKey === item.key}
              onOpenChange={(open) => {
                if (!open) setOpenKey(null);
              }}
            />
          ),
      )}
    </>
  );
}
