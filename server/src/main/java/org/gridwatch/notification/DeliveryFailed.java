package org.gridwatch.notification;

/** A delivery the receiver did not accept; the message is a reason safe to record (no personal data, no URL secrets). */
public class DeliveryFailed extends Exception {
  public DeliveryFailed(String safeReason) { super(safeReason); }
}
