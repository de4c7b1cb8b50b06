package org.gridwatch.notification;

/** Where an outbox message stands (see the outbox_message table's comment). */
public enum OutboxStatus { PENDING, SENT, FANNED_OUT, FAILED, SKIPPED }
