-- Campaigns (docs/incidents.md, "Campaigns"). An incident the pipeline merged into a campaign keeps its row, its
-- history, verdicts and comments; merged_into names the campaign: the queue leaves it out and its page redirects there.
ALTER TABLE incident ADD COLUMN merged_into text;

CREATE INDEX incident_merged_into ON incident (merged_into) WHERE merged_into IS NOT NULL;
