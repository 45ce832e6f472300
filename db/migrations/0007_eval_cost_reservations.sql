ALTER TABLE "eval_jobs" ADD COLUMN "reserve_usd" numeric(24, 12);--> statement-breakpoint
ALTER TABLE "eval_runs" ADD COLUMN "reserved_usd" numeric(24, 12) DEFAULT '0' NOT NULL;