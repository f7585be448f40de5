-- sweep-jobs-insert-staged.sql
-- Writes the staged summary rows into sweep_jobs, one per job: the last staged row of a job wins (a success
-- replaces an earlier failure), and a job already there is replaced.

INSERT OR REPLACE INTO sweep_jobs
SELECT * FROM staged_jobs
QUALIFY row_number() OVER (PARTITION BY job ORDER BY rowid DESC) = 1;
