package org.gridwatch.address;

import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The stored address table. {@link #store} adds or replaces the addresses of the buildings it names (by building
 * code), in the caller's transaction; {@link #version()} moves on after each commit so the search index is rebuilt.
 */
@Service
public class AddressRegister {
  private final AddressRepository addresses;
  private final AtomicLong version = new AtomicLong();

  AddressRegister(AddressRepository addresses) {
    this.addresses = addresses;
  }

  /** Adds or replaces the given addresses; answers how many were new. Checked by the caller. */
  @Transactional
  public int store(List<AddressLine> lines) {
    var known = new java.util.HashMap<String, Address>();
    // a first import into an empty table (the demo's 10,000 rows) skips asking which rows exist
    if (addresses.count() > 0) {
      addresses.findByBuildingCodeIn(lines.stream().map(AddressLine::buildingCode).toList())
          .forEach(a -> known.put(a.getBuildingCode(), a));
    }
    int added = 0;
    for (AddressLine line : lines) {
      Address old = known.get(line.buildingCode());
      if (old != null) {
        old.replaceWith(line);
      } else {
        Address a = new Address(line);
        addresses.save(a);
        known.put(line.buildingCode(), a);
        added++;
      }
    }
    addresses.flush();
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
        @Override public void afterCommit() { version.incrementAndGet(); }
      });
    } else {
      version.incrementAndGet();
    }
    return added;
  }

  /** Every address, by building code. */
  @Transactional(readOnly = true)
  public List<AddressLine> all() {
    return addresses.findAll().stream().map(Address::line).sorted(Comparator.comparing(AddressLine::buildingCode)).toList();
  }

  @Transactional(readOnly = true)
  public boolean isEmpty() { return addresses.count() == 0; }

  /** Moves on after every committed change of this instance's table. */
  public long version() { return version.get(); }
}
