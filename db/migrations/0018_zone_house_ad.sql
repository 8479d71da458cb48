ALTER TABLE "ad_zones" ADD COLUMN "house_ad_image_url" text;--> statement-breakpoint
ALTER TABLE "ad_zones" ADD COLUMN "house_ad_click_url" text;