-- The orphan sweep selects inline bodies by age. Without an index SQLite reads every row to reach
-- `created`, which sits after the body: a walk over all overflow pages (all stored bodies) at each
-- sweep. The index answers the sweep's query alone (it holds the row id).
CREATE INDEX blob_data_created ON blob_data (created);
