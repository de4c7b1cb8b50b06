package org.gridwatch.consultation;

/** A topic's way: proposed → accepted or declined → decided (adopted) or not agreed → carried out (tasks verified) → checked (supervised). */
public enum TopicStatus { PROPOSED, ACCEPTED, DECLINED, DECIDED, NOT_AGREED, CARRIED_OUT, CHECKED }
