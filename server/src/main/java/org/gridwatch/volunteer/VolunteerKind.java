package org.gridwatch.volunteer;

/** A registered helper: a volunteer (志愿者) or a professional social worker (社工). */
public enum VolunteerKind { VOLUNTEER, SOCIAL_WORKER }
