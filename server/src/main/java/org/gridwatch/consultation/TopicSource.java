package org.gridwatch.consultation;

/** Where a topic (议题) comes from: a resident's proposal, cases, a recorded need, or a body above. */
public enum TopicSource { RESIDENT_PROPOSAL, CASES, NEED, BODY }
