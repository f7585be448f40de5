-- sweep-jobs-columns.sql
-- The columns of sweep_jobs, in order: the sweep store checks them against its layout (an older library's file differs).

SELECT column_name
FROM information_schema.columns
WHERE table_name = 'sweep_jobs'
ORDER BY ordinal_position;
