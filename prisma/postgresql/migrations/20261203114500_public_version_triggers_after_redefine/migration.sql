-- Nothing to do on PostgreSQL: ALTER TABLE ... ADD COLUMN keeps a table's triggers (the SQLite migration of the same name
-- puts back the triggers that its table rebuild dropped).
SELECT 1;
