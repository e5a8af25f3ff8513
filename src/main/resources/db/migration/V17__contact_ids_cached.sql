-- H2 writes an identity's next value to the file every time its cache of values runs out (32 by
-- default), and with WRITE_DELAY=0 each such write stores the whole file's changes at once: in a
-- million-row import those stores took two fifths of the importing thread (a JFR profile:
-- Sequence.flush under every 32nd insert). A cache of 10,000 ids stores ten times a part of 1,000
-- contacts less often than once. After a crash the ids go on after the cached ones: a gap, never an
-- id given twice.
ALTER TABLE contact ALTER COLUMN id SET CACHE 10000;
