package org.gridwatch.notification;

/** What a subscription follows: a case (target = its public id) or an area (target = its code). */
public enum SubscriptionKind { CASE, AREA }
