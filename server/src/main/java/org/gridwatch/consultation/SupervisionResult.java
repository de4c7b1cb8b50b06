package org.gridwatch.consultation;

/** The supervision committee's judgement of a carried-out topic. */
public enum SupervisionResult { SATISFACTORY, UNSATISFACTORY }
