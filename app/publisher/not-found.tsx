import { NotFoundProblem } from "@/components/shell/problem";

export default function PublisherNotFound() {
  return <NotFoundProblem home="/publisher" homeLabel="Go to the desk overview" />;
}
