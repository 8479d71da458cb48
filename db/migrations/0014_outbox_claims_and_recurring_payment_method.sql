ALTER TYPE "public"."email_status" ADD VALUE 'sending' BEFORE 'sent';--> statement-breakpoint
ALTER TABLE "recurring_schedules" ADD COLUMN "payment_method" text;--> statement-breakpoint
ALTER TABLE "recurring_schedules" ADD COLUMN "last_error" text;--> statement-breakpoint
ALTER TABLE "outbox_emails" ADD COLUMN "claim_token" text;--> statement-breakpoint
ALTER TABLE "outbox_emails" ADD COLUMN "claimed_at" timestamp with time zone;