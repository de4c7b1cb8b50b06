package org.gridwatch.tiles;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.index.strtree.STRtree;

/** An immutable R-tree of items by envelope, answering the items touching a box in a stable order. */
final class SpatialIndex<T> {
  private final STRtree tree = new STRtree();
  private final Comparator<T> order;

  SpatialIndex(List<T> items, Function<T, Envelope> envelope, Comparator<T> order) {
    this.order = order;
    for (T item : items) tree.insert(envelope.apply(item), item);
    tree.build();
  }

  @SuppressWarnings("unchecked")
  List<T> touching(Envelope box) {
    List<T> out = new ArrayList<>(tree.query(box));
    out.sort(order);
    return out;
  }
}
