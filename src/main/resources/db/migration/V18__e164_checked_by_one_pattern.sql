-- H2's REGEXP_LIKE compiles its pattern again for every row it checks; the REGEXP operator compiles
-- a constant pattern once, when the constraint is read. The same rule, the same anchors: a million
-- contacts written 0.5 to 1.1 s faster (a bare JDBC program, 1,000,000 rows in parts of 1,000:
-- 1.6-2.3 s with REGEXP_LIKE, 1.2-1.4 s with REGEXP, 1.1-1.3 s with no check). Every row is checked
-- again as the constraint is added.
ALTER TABLE contact DROP CONSTRAINT ck_contact_e164;
ALTER TABLE contact ADD CONSTRAINT ck_contact_e164 CHECK (e164 REGEXP '^\+[1-9][0-9]{1,14}$');
ALTER TABLE opt_out DROP CONSTRAINT ck_opt_out_e164;
ALTER TABLE opt_out ADD CONSTRAINT ck_opt_out_e164 CHECK (e164 REGEXP '^\+[1-9][0-9]{1,14}$');
