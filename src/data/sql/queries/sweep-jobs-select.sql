-- sweep-jobs-select.sql
-- Every row of a sweep's summary, ordered by job.

SELECT * FROM sweep_jobs ORDER BY job;
