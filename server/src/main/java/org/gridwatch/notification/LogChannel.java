package org.gridwatch.notification;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The default channel: writes that a message went out, naming only the template, the message id and the recipient
 * kind. Never the recipient, the text or the parameters, which may carry a name or a title written by a person.
 */
@Component
class LogChannel implements DeliveryChannel {
  static final String NAME = "LOG";
  private static final Logger log = LoggerFactory.getLogger(LogChannel.class);

  @Override public String name() { return NAME; }

  @Override
  public void deliver(Delivery d) {
    log.info("notification {} message {} to {}", d.template(), d.messageId(), d.recipientKind());
  }
}
