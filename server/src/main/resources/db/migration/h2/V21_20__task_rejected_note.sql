-- Part B of issue 16: a task sent back to OPEN keeps the note saying why (the owner reads it before trying again).
ALTER TABLE task ADD COLUMN rejected_note VARCHAR(2000);
