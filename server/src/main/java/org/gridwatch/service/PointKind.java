package org.gridwatch.service;

/** Kinds of service point: 社区服务中心, 党群服务中心, 党员工作室, 调解室, 警务室, 法律服务点, 养老驿站. */
public enum PointKind {
  COMMUNITY_SERVICE_CENTRE, PARTY_SERVICE_CENTRE, PARTY_MEMBER_STUDIO, MEDIATION_ROOM, POLICE_ROOM, LEGAL_SERVICE_POINT,
  ELDERLY_CARE_STATION
}
