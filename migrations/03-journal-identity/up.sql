-- Which journal this file is (issue 20): every backup is a copy of the file, so it carries the
-- id, and `backup restore` refuses a copy of another journal. Not one of the exported tables:
-- an import never changes it. IF NOT EXISTS: a restore may have given an old copy the id of
-- the journal it replaced, and that id is kept.
CREATE TABLE IF NOT EXISTS journal_identity (id TEXT NOT NULL);
INSERT INTO journal_identity (id)
    SELECT lower(hex(randomblob(16))) WHERE NOT EXISTS (SELECT 1 FROM journal_identity);
