-- sweep-staging-clear-details.sql
-- Empties the staged details once written to Parquet.

DELETE FROM staged_equity;
DELETE FROM staged_weights;
DELETE FROM staged_trades;
