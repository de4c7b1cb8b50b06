package org.gridwatch.incident;

/**
 * 诉求类型, what the reporter wants, beside the category (what it is about): 咨询 consult, 求助 help, 投诉
 * complaint, 举报 report, 建议 suggestion, 表扬 praise. A consultation can be answered and closed at registration.
 */
public enum RequestType {
  CONSULT, HELP, COMPLAINT, REPORT, SUGGESTION, PRAISE;

  /** The type assumed when a channel names none: incidents are reports, requests ask for help. */
  static RequestType defaultFor(Kind kind) { return kind == Kind.INCIDENT ? REPORT : HELP; }
}
