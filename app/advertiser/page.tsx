import { redirect } from "next/navigation";

export default function AdvertiserHome() {
  redirect("/advertiser/orders");
}
