-- Nothing to change here: H2's V17 gives the contact ids a larger cache because H2 stores the whole
-- file each time that cache runs out. PostgreSQL writes a sequence's state in its log, cheaply, and a
-- cache there would be per connection (ids out of order between desktops). Kept so that both
-- databases count the same schema version.
SELECT 1;
