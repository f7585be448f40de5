-- sweep-jobs-done.sql
-- The jobs a results folder holds as done: a re-run skips them.

SELECT job FROM sweep_jobs WHERE status = 'done';
