import { notFound } from "next/navigation";

/** Any address under this area that no page matches: the area's own 404, inside its shell. */
export default function Missing() {
  notFound();
}
