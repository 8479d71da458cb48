import { NotFoundProblem } from "@/components/shell/problem";

export const metadata = { title: "Page not found" };

export default function NotFound() {
  return (
    <main>
      <NotFoundProblem />
    </main>
  );
}
