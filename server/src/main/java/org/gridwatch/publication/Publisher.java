package org.gridwatch.publication;

import org.gridwatch.area.AreaLevel;

/**
 * Who publishes a publication, as the writer's account and the audience area decide it: an officer of a level, a
 * property company or an organisation ({@code organisationId}); {@code office} the name shown when none is given;
 * {@code reviewed}: whether it needs the community's review before it is shown (grid officers, companies, organisations).
 */
record Publisher(PublisherKind kind, AreaLevel level, String office, Long organisationId) {
  boolean reviewed() { return kind != PublisherKind.OFFICER || level == AreaLevel.GRID; }
}
