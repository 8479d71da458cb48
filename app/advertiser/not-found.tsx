import { NotFoundProblem } from "@/components/shell/problem";

export default function AdvertiserNotFound() {
  return <NotFoundProblem home="/advertiser/orders" homeLabel="Go to my orders" />;
}
