-- sweep-staging-clear-jobs.sql
-- Empties the staged summary rows once written (or not) to sweep_jobs.

DELETE FROM staged_jobs;
