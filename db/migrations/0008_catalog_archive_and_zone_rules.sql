ALTER TABLE "ad_zones" ADD COLUMN "creative_kinds" "creative_kind"[] DEFAULT '{}' NOT NULL;--> statement-breakpoint
ALTER TABLE "ad_zones" ADD COLUMN "min_quantity" bigint;--> statement-breakpoint
ALTER TABLE "ad_zones" ADD COLUMN "max_quantity" bigint;--> statement-breakpoint
ALTER TABLE "ad_zones" ADD COLUMN "lead_days" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "ad_zones" ADD COLUMN "max_window_days" integer;--> statement-breakpoint
ALTER TABLE "ad_zones" ADD COLUMN "blackout_days" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "ad_zones" ADD COLUMN "archived_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "properties" ADD COLUMN "logo_url" text;--> statement-breakpoint
ALTER TABLE "properties" ADD COLUMN "archived_at" timestamp with time zone;