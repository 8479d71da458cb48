import type { CountryModifier } from "../schema/inventory";

/** The fixed part of the demo: publishers, their people, properties, zones and advertisers. */

export type StaffRole = "owner" | "admin" | "sales_manager" | "viewer";
export type OrderStatus =
  | "draft"
  | "quote_requested"
  | "quoted"
  | "pending_review"
  | "approved"
  | "live"
  | "paused"
  | "completed"
  | "canceled"
  | "rejected"
  | "archived";
export type PricingModel = "cpm" | "cpc" | "cpd";

export type StaffSpec = { key: string; name: string; role: StaffRole; permissions: string[] };

export type ZoneSpec = {
  name: string;
  /** "display" zones take HTML creatives of their size; "text" and "audio" zones take text. */
  format: "display" | "text" | "audio";
  width?: number;
  height?: number;
  pricingModel: PricingModel;
  baseRate: number;
  monthlyImpressions: number;
  countryShares: Record<string, number>;
  countryModifiers: CountryModifier[];
  visible?: boolean;
};

export type PropertySpec = {
  name: string;
  kind: "website" | "newsletter" | "app" | "podcast";
  url: string;
  description: string;
  audience: string;
  zones: ZoneSpec[];
};

export type AdvertiserSpec = {
  company: string;
  contactName: string;
  domain: string;
  phone: string;
  userName: string;
  themes: string[];
};

export type PaymentSystemSpec = { name: string; percentBasisPoints: number; fixedFee: number };

export type RecurringSpec = {
  interval: "weekly" | "monthly" | "quarterly" | "yearly";
  paymentsTotal: number;
  status: "active" | "failed";
  attempts: number;
};

export type PublisherSpec = {
  slug: string;
  name: string;
  currency: string;
  timezone: string;
  prepayRequired: boolean;
  advertiserMayPause: boolean;
  approvalWindowDays: number;
  paymentTermsDays: number;
  staff: StaffSpec[];
  properties: PropertySpec[];
  advertisers: AdvertiserSpec[];
  /** Index into `advertisers` of the one with a recurring (subscription) order. */
  recurringAdvertiser: number;
  paymentSystems: PaymentSystemSpec[];
  recurring: RecurringSpec;
  statusCounts: Record<OrderStatus, number>;
};

export const demoPassword = "demo-password-1";

const staff = (names: [string, string, string, string, string]): StaffSpec[] => [
  { key: "owner", name: names[0], role: "owner", permissions: [] },
  { key: "admin", name: names[1], role: "admin", permissions: [] },
  { key: "sales", name: names[2], role: "sales_manager", permissions: ["confirm_sales", "manage_recurring"] },
  { key: "sales2", name: names[3], role: "sales_manager", permissions: [] },
  { key: "viewer", name: names[4], role: "viewer", permissions: [] },
];

const usShares = { US: 0.5, GB: 0.2, DE: 0.15, CA: 0.1, FR: 0.05 };
const usModifiers: CountryModifier[] = [
  { country: "US", kind: "percent", value: 20 },
  { country: "GB", kind: "fixed", value: 300 },
  { country: "FR", kind: "percent", value: -10 },
];
const nordicShares = { NO: 0.55, SE: 0.2, DK: 0.15, DE: 0.1 };
const nordicModifiers: CountryModifier[] = [
  { country: "NO", kind: "percent", value: 15 },
  { country: "DE", kind: "fixed", value: 200 },
];

export const publisherSpecs: PublisherSpec[] = [
  {
    slug: "northwind",
    name: "Northwind Media",
    currency: "USD",
    timezone: "America/New_York",
    prepayRequired: false,
    advertiserMayPause: true,
    approvalWindowDays: 3,
    paymentTermsDays: 14,
    staff: staff(["Nora Whitfield", "Adam Reyes", "Sam Patel", "Tara Kim", "Victor Lang"]),
    properties: [
      {
        name: "Northwind Daily",
        kind: "website",
        url: "https://daily.northwind.test",
        description: "Business and technology news for decision makers.",
        audience: "Managers and founders in North America and Europe",
        zones: [
          {
            name: "Homepage leaderboard",
            format: "display",
            width: 728,
            height: 90,
            pricingModel: "cpm",
            baseRate: 1200,
            monthlyImpressions: 3_000_000,
            countryShares: usShares,
            countryModifiers: usModifiers,
          },
          {
            name: "Article rectangle",
            format: "display",
            width: 300,
            height: 250,
            pricingModel: "cpm",
            baseRate: 900,
            monthlyImpressions: 4_500_000,
            countryShares: usShares,
            countryModifiers: usModifiers,
          },
          {
            name: "Homepage takeover",
            format: "display",
            width: 970,
            height: 250,
            pricingModel: "cpd",
            baseRate: 45_000,
            monthlyImpressions: 1_500_000,
            countryShares: { US: 0.6, CA: 0.25, GB: 0.15 },
            countryModifiers: [{ country: "US", kind: "percent", value: 25 }],
          },
          {
            name: "Sponsored link",
            format: "text",
            pricingModel: "cpc",
            baseRate: 85,
            monthlyImpressions: 2_000_000,
            countryShares: usShares,
            countryModifiers: [{ country: "US", kind: "fixed", value: 15 }],
          },
        ],
      },
      {
        name: "Morning Brief",
        kind: "newsletter",
        url: "https://brief.northwind.test",
        description: "The weekday newsletter: five stories before nine.",
        audience: "180,000 subscribers, 48% open rate",
        zones: [
          {
            name: "Presenting sponsor",
            format: "display",
            width: 600,
            height: 200,
            pricingModel: "cpd",
            baseRate: 60_000,
            monthlyImpressions: 2_400_000,
            countryShares: { US: 0.7, CA: 0.2, GB: 0.1 },
            countryModifiers: [{ country: "GB", kind: "fixed", value: 5000 }],
          },
          {
            name: "Inline text ad",
            format: "text",
            pricingModel: "cpm",
            baseRate: 3500,
            monthlyImpressions: 800_000,
            countryShares: { US: 0.7, CA: 0.2, GB: 0.1 },
            countryModifiers: [{ country: "CA", kind: "percent", value: -15 }],
          },
        ],
      },
      {
        name: "Northwind Money Podcast",
        kind: "podcast",
        url: "https://podcast.northwind.test",
        description: "Twice-weekly interviews about personal finance.",
        audience: "Downloads mostly in the US and Canada",
        zones: [
          {
            name: "Pre-roll host read",
            format: "audio",
            pricingModel: "cpm",
            baseRate: 2500,
            monthlyImpressions: 400_000,
            countryShares: { US: 0.8, CA: 0.2 },
            countryModifiers: [],
          },
          {
            name: "Episode sponsor",
            format: "audio",
            pricingModel: "cpd",
            baseRate: 30_000,
            monthlyImpressions: 400_000,
            countryShares: { US: 0.8, CA: 0.2 },
            countryModifiers: [{ country: "CA", kind: "percent", value: -20 }],
            visible: false,
          },
        ],
      },
    ],
    advertisers: [
      {
        company: "Acme Shoes",
        contactName: "Alice Moreno",
        domain: "acme-shoes.test",
        phone: "+1 212 555 0101",
        userName: "Alice Moreno",
        themes: ["Spring running sale", "Trail X launch", "Back to school"],
      },
      {
        company: "Bluebird Coffee",
        contactName: "Ben Okafor",
        domain: "bluebird-coffee.test",
        phone: "+1 503 555 0142",
        userName: "Ben Okafor",
        themes: ["Monthly sponsorship", "Cold brew season", "Subscription push"],
      },
      {
        company: "Cobalt Bank",
        contactName: "Carla Jensen",
        domain: "cobalt-bank.test",
        phone: "+1 617 555 0199",
        userName: "Carla Jensen",
        themes: ["High-yield savings", "Small business card", "Mortgage rates"],
      },
      {
        company: "Driftwood Travel",
        contactName: "Diego Santos",
        domain: "driftwood-travel.test",
        phone: "+1 305 555 0117",
        userName: "Diego Santos",
        themes: ["Summer escapes", "Last-minute deals", "Ski season"],
      },
      {
        company: "Evergreen Software",
        contactName: "Emma Lindqvist",
        domain: "evergreen-software.test",
        phone: "+1 415 555 0163",
        userName: "Emma Lindqvist",
        themes: ["Free trial drive", "Webinar series", "Annual plan promo"],
      },
      {
        company: "Foxglove Books",
        contactName: "Felix Harper",
        domain: "foxglove-books.test",
        phone: "+1 646 555 0188",
        userName: "Felix Harper",
        themes: ["New releases", "Book club", "Holiday gift guide"],
      },
    ],
    recurringAdvertiser: 1,
    paymentSystems: [
      { name: "Stripe", percentBasisPoints: 290, fixedFee: 30 },
      { name: "PayPal", percentBasisPoints: 349, fixedFee: 49 },
      { name: "Bank transfer", percentBasisPoints: 0, fixedFee: 0 },
    ],
    recurring: { interval: "monthly", paymentsTotal: 12, status: "active", attempts: 0 },
    statusCounts: {
      draft: 6,
      quote_requested: 5,
      quoted: 5,
      pending_review: 10,
      approved: 12,
      live: 15,
      paused: 5,
      completed: 16,
      canceled: 7,
      rejected: 4,
      archived: 5,
    },
  },
  {
    slug: "fjord",
    name: "Fjord Weekly",
    currency: "EUR",
    timezone: "Europe/Oslo",
    prepayRequired: true,
    advertiserMayPause: false,
    approvalWindowDays: 2,
    paymentTermsDays: 10,
    staff: staff(["Ingrid Haugen", "Lars Berg", "Sigrid Nilsen", "Erik Dahl", "Marte Lie"]),
    properties: [
      {
        name: "fjordweekly.test",
        kind: "website",
        url: "https://fjordweekly.test",
        description: "Culture, outdoors and politics from the Nordic coast.",
        audience: "Readers in Norway, Sweden and Denmark",
        zones: [
          {
            name: "Front page panorama",
            format: "display",
            width: 980,
            height: 300,
            pricingModel: "cpm",
            baseRate: 1500,
            monthlyImpressions: 2_000_000,
            countryShares: nordicShares,
            countryModifiers: nordicModifiers,
          },
          {
            name: "Article netboard",
            format: "display",
            width: 580,
            height: 400,
            pricingModel: "cpm",
            baseRate: 1000,
            monthlyImpressions: 2_500_000,
            countryShares: nordicShares,
            countryModifiers: nordicModifiers,
          },
          {
            name: "Weekend takeover",
            format: "display",
            width: 980,
            height: 600,
            pricingModel: "cpd",
            baseRate: 35_000,
            monthlyImpressions: 1_200_000,
            countryShares: { NO: 0.7, SE: 0.3 },
            countryModifiers: [{ country: "NO", kind: "percent", value: 10 }],
          },
          {
            name: "Search text link",
            format: "text",
            pricingModel: "cpc",
            baseRate: 60,
            monthlyImpressions: 900_000,
            countryShares: nordicShares,
            countryModifiers: [],
          },
        ],
      },
      {
        name: "Fjord Weekly Letter",
        kind: "newsletter",
        url: "https://fjordweekly.test/letter",
        description: "Sunday long reads, delivered.",
        audience: "62,000 subscribers",
        zones: [
          {
            name: "Presented by",
            format: "display",
            width: 600,
            height: 150,
            pricingModel: "cpd",
            baseRate: 40_000,
            monthlyImpressions: 250_000,
            countryShares: { NO: 0.6, SE: 0.25, DK: 0.15 },
            countryModifiers: [],
          },
          {
            name: "Classified text",
            format: "text",
            pricingModel: "cpm",
            baseRate: 3000,
            monthlyImpressions: 300_000,
            countryShares: { NO: 0.6, SE: 0.25, DK: 0.15 },
            countryModifiers: [{ country: "DK", kind: "fixed", value: 250 }],
          },
        ],
      },
      {
        name: "Fjord app",
        kind: "app",
        url: "https://fjordweekly.test/app",
        description: "iOS and Android reader app.",
        audience: "Logged-in readers",
        zones: [
          {
            name: "In-feed card",
            format: "display",
            width: 320,
            height: 100,
            pricingModel: "cpm",
            baseRate: 800,
            monthlyImpressions: 1_500_000,
            countryShares: { NO: 0.6, SE: 0.2, DK: 0.1, GB: 0.1 },
            countryModifiers: [{ country: "GB", kind: "percent", value: 30 }],
          },
          {
            name: "App install card",
            format: "display",
            width: 320,
            height: 50,
            pricingModel: "cpc",
            baseRate: 45,
            monthlyImpressions: 1_000_000,
            countryShares: { NO: 0.6, SE: 0.2, DK: 0.1, GB: 0.1 },
            countryModifiers: [],
          },
        ],
      },
    ],
    advertisers: [
      {
        company: "Nordlys Energi",
        contactName: "Nils Aasen",
        domain: "nordlys-energi.test",
        phone: "+47 22 55 01 01",
        userName: "Nils Aasen",
        themes: ["Fixed-price power", "Heat pump campaign", "Winter savings"],
      },
      {
        company: "Havbris Fisk",
        contactName: "Hanne Vik",
        domain: "havbris-fisk.test",
        phone: "+47 55 55 02 02",
        userName: "Hanne Vik",
        themes: ["Monthly sponsorship", "Seafood season", "Christmas lutefisk"],
      },
      {
        company: "Trollstigen Outdoor",
        contactName: "Tore Brekke",
        domain: "trollstigen-outdoor.test",
        phone: "+47 70 55 03 03",
        userName: "Tore Brekke",
        themes: ["Hiking gear sale", "Ski touring", "Summer cabins"],
      },
      {
        company: "Polar Sparebank",
        contactName: "Pia Solberg",
        domain: "polar-sparebank.test",
        phone: "+47 77 55 04 04",
        userName: "Pia Solberg",
        themes: ["Green mortgage", "Youth account", "Savings week"],
      },
    ],
    recurringAdvertiser: 1,
    paymentSystems: [
      { name: "Stripe", percentBasisPoints: 250, fixedFee: 25 },
      { name: "Vipps", percentBasisPoints: 175, fixedFee: 0 },
      { name: "Bank transfer", percentBasisPoints: 0, fixedFee: 0 },
    ],
    // A card that keeps failing: retried twice, then the schedule stopped.
    recurring: { interval: "monthly", paymentsTotal: 6, status: "failed", attempts: 3 },
    statusCounts: {
      draft: 4,
      quote_requested: 3,
      quoted: 4,
      pending_review: 7,
      approved: 8,
      live: 10,
      paused: 3,
      completed: 11,
      canceled: 5,
      rejected: 2,
      archived: 3,
    },
  },
];

export const staffEmail = (publisher: PublisherSpec, staffKey: string) =>
  `${staffKey}@${publisher.slug}.test`;
export const advertiserUserEmail = (advertiser: AdvertiserSpec) => `ads@${advertiser.domain}`;
export const advertiserContactEmail = (advertiser: AdvertiserSpec) =>
  `${advertiser.contactName.split(" ")[0].toLowerCase()}@${advertiser.domain}`;
