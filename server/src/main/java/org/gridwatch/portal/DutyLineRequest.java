package org.gridwatch.portal;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.gridwatch.portal.PortalAnswer.ContactRole;

/**
 * A public duty line to set: the area (a grid for GRID_MEMBER and POLICE_OFFICER, a community for COMMUNITY_OFFICE), the
 * role and the phone (an office or duty line: digits, spaces, + and -); no phone removes the line.
 */
public record DutyLineRequest(@NotBlank(message = "is required") String area, @NotNull(message = "is required") ContactRole role,
    @Pattern(regexp = "[0-9+][0-9 +\\-]{2,29}", message = "must be a phone number") String phone) {

  /** The line as now set (phone null: removed). */
  public record Answer(String area, ContactRole role, String phone) {}
}
