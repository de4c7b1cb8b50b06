package org.gridwatch.publication;

/**
 * What a publication discloses: government affairs (政务公开), community affairs (社务公开) and their finances (财务公开),
 * a service guide (办事指南), a notice (通知公告), or the result of a consultation or a funded project.
 */
public enum PublicationKind {
  GOVERNMENT_AFFAIRS, COMMUNITY_AFFAIRS, FINANCES, SERVICE_GUIDE, NOTICE, CONSULTATION_RESULT, PROJECT_RESULT
}
