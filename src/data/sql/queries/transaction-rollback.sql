-- transaction-rollback.sql
-- Rolls back the transaction begun by transaction-begin.sql (WorkbookDatabase.transaction).

ROLLBACK;
