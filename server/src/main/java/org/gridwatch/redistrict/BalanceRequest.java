package org.gridwatch.redistrict;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import java.math.BigDecimal;

/**
 * How many grids an auto-balance proposes ({@code grids}, a whole number; left out: round(households / 400)). Taken
 * as a decimal so that 2.5 is refused rather than cut to 2; the upper bound (one grid per building site) depends on
 * the community and is checked by the controller.
 */
record BalanceRequest(
    @Digits(integer = 6, fraction = 0, message = "must be a whole number") @DecimalMin(value = "1", message = "must be at least 1")
    BigDecimal grids) {}
