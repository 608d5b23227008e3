ALTER TABLE "memberships" ADD COLUMN "notify_new_tickets" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "memberships" ADD COLUMN "notify_assigned" boolean DEFAULT true NOT NULL;