package org.gridwatch.staff;

/** What a person does, and so which kind of unit (community, subdistrict, department) they work for. */
public enum Duty {
  GRID_MEMBER, POLICE_OFFICER, COMMUNITY_STAFF, SUBDISTRICT_STAFF, DEPARTMENT_STAFF
}
