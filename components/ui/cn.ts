import { type ClassValue, clsx } from "clsx";
import { twMerge } from "tailwind-merge";

/**
 * Joins class names, skipping falsy ones, and lets a later Tailwind class win over an
 * earlier one of the same property: cn("px-4", props.className) with "px-2" gives px-2,
 * whatever order the stylesheet happens to list them in.
 */
export function cn(...classes: ClassValue[]): string {
  return twMerge(clsx(classes));
}
