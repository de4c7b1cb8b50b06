package org.gridwatch.service;

import java.math.BigDecimal;
import java.util.List;

/**
 * An offer as anyone may read it.
 *
 * @param areas the areas it is delivered in at home (empty: at its service point, for that point's community)
 * @param price null when free, in yuan
 */
public record OfferView(long id, ServiceKind service, ServicePointView.Named servicePoint, ServicePointView.Named organisation,
    List<AreaRef> areas, BigDecimal price, Rule bookingRule, List<WeeklyHours> officeHours) {

  /** An area by code and name. */
  public record AreaRef(String code, String name) {}

  /** The booking rule in force (defaults filled in); capacity null: no limit per slot. */
  public record Rule(int noticeHours, int slotMinutes, Integer capacity) {}
}
