CREATE TABLE "publisher_logos" (
	"publisher_id" integer PRIMARY KEY NOT NULL,
	"content" "bytea" NOT NULL,
	"mime_type" varchar(32) NOT NULL,
	"width" integer NOT NULL,
	"height" integer NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "publisher_slug_redirects" (
	"slug" varchar(64) PRIMARY KEY NOT NULL,
	"publisher_id" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "invitations" ALTER COLUMN "role" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "advertiser_users" ADD COLUMN "deactivated_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "publishers" ADD COLUMN "accent_color" varchar(7);--> statement-breakpoint
ALTER TABLE "publishers" ADD COLUMN "payment_instructions" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "publishers" ADD COLUMN "notification_emails" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "invitations" ADD COLUMN "advertiser_id" integer;--> statement-breakpoint
ALTER TABLE "publisher_logos" ADD CONSTRAINT "publisher_logos_publisher_id_publishers_id_fk" FOREIGN KEY ("publisher_id") REFERENCES "public"."publishers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "publisher_slug_redirects" ADD CONSTRAINT "publisher_slug_redirects_publisher_id_publishers_id_fk" FOREIGN KEY ("publisher_id") REFERENCES "public"."publishers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "publisher_slug_redirects_publisher_id_index" ON "publisher_slug_redirects" USING btree ("publisher_id");--> statement-breakpoint
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_advertiser_id_advertisers_id_fk" FOREIGN KEY ("advertiser_id") REFERENCES "public"."advertisers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_staff_or_advertiser" CHECK (("invitations"."advertiser_id" IS NULL) = ("invitations"."role" IS NOT NULL));