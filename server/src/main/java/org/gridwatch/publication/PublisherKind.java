package org.gridwatch.publication;

/** Who publishes: an information officer of a level (区、街、居、格信息员), a property company, or an organisation. */
public enum PublisherKind {
  OFFICER, PROPERTY_COMPANY, ORGANISATION
}
