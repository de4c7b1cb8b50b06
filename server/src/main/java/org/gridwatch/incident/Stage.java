package org.gridwatch.incident;

/** The stages that have a time limit: registering, dispatching, handling (per level) and verifying. */
public enum Stage {
  REGISTER, DISPATCH, HANDLE, VERIFY;

  /** The stage whose clock runs while a case is in this status, or null when no clock runs. */
  static Stage of(Status status) {
    return switch (status) {
      case REPORTED -> REGISTER;
      case REGISTERED, RETURNED -> DISPATCH;
      case DISPATCHED, IN_PROGRESS -> HANDLE;
      case RESOLVED, VERIFIED -> VERIFY;
      default -> null;
    };
  }
}
