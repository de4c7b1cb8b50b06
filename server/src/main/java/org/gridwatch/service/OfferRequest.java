package org.gridwatch.service;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;

/**
 * The body of {@code POST /api/v1/services}: an offer of the catalogue. Where: at a service point, and/or delivered at
 * home in the areas named (grid, community or subdistrict codes); at least one of the two. {@code price} null: free.
 */
record OfferRequest(
    @NotNull(message = "is required") ServiceKind service,
    Long servicePoint,
    @NotNull(message = "is required") Long organisation,
    @Size(max = 200, message = "at most 200 areas") List<String> areas,
    @DecimalMin(value = "0", message = "must not be negative") @DecimalMax(value = "99999", message = "at most 99999") BigDecimal price,
    @Valid BookingRule bookingRule,
    @Valid @Size(max = 21, message = "at most 21 windows") List<WeeklyHours> officeHours) {

  /**
   * How bookings are taken: at least {@code noticeHours} ahead (default 0), in slots of {@code slotMinutes} (default 60)
   * of which each takes at most {@code capacity} bookings (null: no limit).
   */
  record BookingRule(@Min(value = 0, message = "must not be negative") @Max(value = 720, message = "at most 720") Integer noticeHours,
      @Min(value = 5, message = "at least 5") @Max(value = 1440, message = "at most 1440") Integer slotMinutes,
      @Min(value = 1, message = "at least 1") @Max(value = 1000, message = "at most 1000") Integer capacity) {}
}
