package org.gridwatch.service;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/**
 * A booking as staff read it: the resident's phone masked (138****1234).
 *
 * @param caseId the resident request it answers, if any (member {@code case})
 * @param fulfilment null until recorded
 */
public record BookingView(long id, long offer, ServiceKind service, ServicePointView.Named organisation, Instant at, double lon,
    double lat, String grid, String community, Resident resident, String note, @JsonProperty("case") String caseId,
    String bookedBy, Instant createdAt, Fulfilment fulfilment) {

  /** Whom it is for, the phone masked. */
  public record Resident(String name, String phone) {}

  /** What was recorded of its delivery. */
  public record Fulfilment(boolean fulfilled, Instant at, String note, String recordedBy) {}

  /** A phone number with all but its first three and last four digits hidden (shorter numbers: all but the last two). */
  static String maskPhone(String phone) {
    if (phone == null) return null;
    String digits = phone.replaceAll("\\D", "");
    if (digits.length() >= 8) return digits.substring(0, 3) + "****" + digits.substring(digits.length() - 4);
    return "*".repeat(Math.max(0, digits.length() - 2)) + digits.substring(Math.max(0, digits.length() - 2));
  }
}
