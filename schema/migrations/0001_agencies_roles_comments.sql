CREATE TABLE `report_comments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`report_id` integer NOT NULL,
	`at` text NOT NULL,
	`username` text NOT NULL,
	`row_code` text,
	`col_key` text,
	`text` text NOT NULL,
	FOREIGN KEY (`report_id`) REFERENCES `reports`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `report_comments_report_idx` ON `report_comments` (`report_id`,`id`);--> statement-breakpoint
CREATE TABLE `report_submissions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`report_id` integer NOT NULL,
	`at` text NOT NULL,
	`username` text NOT NULL,
	`revision` integer NOT NULL,
	`values` text NOT NULL,
	FOREIGN KEY (`report_id`) REFERENCES `reports`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `report_submissions_report_idx` ON `report_submissions` (`report_id`,`id`);--> statement-breakpoint
CREATE TABLE `user_roles` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`user_id` integer NOT NULL,
	`role` text NOT NULL,
	`unit_id` integer,
	`valid_from` text NOT NULL,
	`valid_to` text,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `user_roles_user_idx` ON `user_roles` (`user_id`);--> statement-breakpoint
CREATE INDEX `user_roles_unit_idx` ON `user_roles` (`unit_id`);--> statement-breakpoint
PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_users` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`username` text NOT NULL,
	`name` text NOT NULL,
	`password_hash` text NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`role` text,
	`unit_code` text,
	`created_at` text NOT NULL
);
--> statement-breakpoint
INSERT INTO `__new_users`("id", "username", "name", "password_hash", "active", "role", "unit_code", "created_at") SELECT "id", "username", "name", "password_hash", 1, "role", "unit_code", "created_at" FROM `users`;--> statement-breakpoint
DROP TABLE `users`;--> statement-breakpoint
ALTER TABLE `__new_users` RENAME TO `users`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE UNIQUE INDEX `users_username_unique` ON `users` (`username`);--> statement-breakpoint
ALTER TABLE `units` ADD `sector` text;--> statement-breakpoint
-- Hand-written data step: each user's single role and unit code become a role row held on the latest
-- unit version with that code (roles belong to a unit's identity, not to a code reused by the reform).
INSERT INTO `user_roles` (`user_id`, `role`, `unit_id`, `valid_from`, `valid_to`)
SELECT u.`id`, u.`role`, un.`id`, un.`valid_from`, un.`valid_to`
FROM `users` u
JOIN `units` un ON un.`code` = u.`unit_code`
  AND un.`valid_from` = (SELECT MAX(x.`valid_from`) FROM `units` x WHERE x.`code` = u.`unit_code`)
WHERE u.`role` IN ('officer', 'head');--> statement-breakpoint
INSERT INTO `user_roles` (`user_id`, `role`, `unit_id`, `valid_from`, `valid_to`)
SELECT `id`, 'admin', NULL, '2000-01-01', NULL FROM `users` WHERE `role` = 'admin';
