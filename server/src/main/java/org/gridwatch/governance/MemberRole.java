package org.gridwatch.governance;

/** A member's role in a body (主任/书记, 副主任/副书记, 委员, 代表 ...). */
public enum MemberRole { CHAIR, DEPUTY_CHAIR, SECRETARY, DEPUTY_SECRETARY, MEMBER, REPRESENTATIVE }
