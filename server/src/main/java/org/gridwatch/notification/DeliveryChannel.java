package org.gridwatch.notification;

/**
 * A way out for messages: the LOG and WEBHOOK channels ship with Gridwatch; an SMS or WeChat vendor adapter is a Spring
 * bean implementing this interface with {@link #name()} {@code SMS} or {@code WECHAT} (no such adapter ships: a
 * message for a channel without an adapter is SKIPPED with "no adapter").
 *
 * <p>{@link #deliver} returns when the receiver accepted the message and throws when it did not (the dispatcher then
 * retries with backoff). The same message may be delivered again after a crash between delivering and recording it:
 * an adapter passes {@link Delivery#messageId()} to its receiver as an idempotency key so the receiver can drop the
 * repeat. Implementations must not log personal data (phones, names, the rendered text).
 */
public interface DeliveryChannel {
  /** The channel's name as messages and preferences name it: LOG, WEBHOOK, SMS, WECHAT. */
  String name();

  void deliver(Delivery delivery) throws Exception;
}
