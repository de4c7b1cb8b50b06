-- Issue 16, part C: why a mediation failed (what the parties said, where they go next), beside its outcome.
ALTER TABLE mediation ADD COLUMN outcome_note VARCHAR(2000);
