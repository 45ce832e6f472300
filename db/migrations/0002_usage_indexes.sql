DROP INDEX "usage_events_occurred_model_idx";--> statement-breakpoint
DROP INDEX "usage_events_occurred_provider_idx";--> statement-breakpoint
DROP INDEX "usage_events_real_idx";--> statement-breakpoint
CREATE INDEX "usage_events_occurred_covering_idx" ON "usage_events" USING btree ("occurred_at",date_trunc('day', "occurred_at" at time zone 'UTC'),"simulated","model","provider","status","input_tokens","cached_input_tokens","output_tokens","reasoning_tokens","cost_usd");--> statement-breakpoint
CREATE INDEX "usage_events_session_idx" ON "usage_events" USING btree ("session_id") WHERE "usage_events"."session_id" is not null;--> statement-breakpoint
CREATE INDEX "usage_events_run_result_idx" ON "usage_events" USING btree ("run_result_id") WHERE "usage_events"."run_result_id" is not null;