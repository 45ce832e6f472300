CREATE TABLE "eval_votes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"run_id" uuid NOT NULL,
	"set_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"left_result_id" bigint NOT NULL,
	"right_result_id" bigint NOT NULL,
	"left_model_id" text NOT NULL,
	"right_model_id" text NOT NULL,
	"winner" text NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "eval_votes_winner_check" CHECK ("eval_votes"."winner" in ('left', 'right', 'tie', 'both_bad')),
	CONSTRAINT "eval_votes_distinct_check" CHECK ("eval_votes"."left_result_id" <> "eval_votes"."right_result_id")
);
--> statement-breakpoint
CREATE UNIQUE INDEX "eval_votes_pair_voter_idx" ON "eval_votes" USING btree ("run_id",least("left_result_id", "right_result_id"),greatest("left_result_id", "right_result_id"),coalesce("created_by", ''));--> statement-breakpoint
CREATE INDEX "eval_votes_set_idx" ON "eval_votes" USING btree ("set_id","created_at");