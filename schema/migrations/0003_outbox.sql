CREATE TABLE `outbox` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`idempotency_key` text NOT NULL,
	`packet_type` text NOT NULL,
	`report_id` integer NOT NULL,
	`template_id` text NOT NULL,
	`period_id` text NOT NULL,
	`unit_code` text NOT NULL,
	`body` text NOT NULL,
	`signature` text,
	`status` text NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`next_attempt_at` text,
	`last_error` text,
	`refusal_reason` text,
	`created_at` text NOT NULL,
	`sent_at` text,
	`decided_at` text,
	FOREIGN KEY (`report_id`) REFERENCES `reports`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `outbox_idempotency_key_unique` ON `outbox` (`idempotency_key`);--> statement-breakpoint
CREATE INDEX `outbox_status_idx` ON `outbox` (`status`,`id`);