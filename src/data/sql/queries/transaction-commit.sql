-- transaction-commit.sql
-- Commits the transaction begun by transaction-begin.sql (WorkbookDatabase.transaction).

COMMIT;
