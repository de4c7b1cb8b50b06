package org.gridwatch.governance;

/**
 * The bodies of community self-governance and of the party: the residents' congress (居民会议), the residents'
 * committee (居委会), the consultation-and-supervision committee (居民协商议事监督委员会), grid and compound councils
 * (网格议事会, 楼院协管会), and the party's committee, branch and group (社区党委 → 网格党支部 → 楼院党小组).
 */
public enum BodyKind {
  RESIDENTS_CONGRESS, RESIDENTS_COMMITTEE, SUPERVISION_COMMITTEE, GRID_COUNCIL, COMPOUND_COUNCIL, PARTY_COMMITTEE,
  PARTY_BRANCH, PARTY_GROUP;

  /** A party organisation: party members are registered with one of these. */
  public boolean party() { return this == PARTY_COMMITTEE || this == PARTY_BRANCH || this == PARTY_GROUP; }

  /** A council that meets inside the grid: its agreement keeps a dispute in the grid (纠纷不出网格). */
  public boolean inGrid() { return this == GRID_COUNCIL || this == COMPOUND_COUNCIL; }
}
