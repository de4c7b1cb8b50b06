package org.gridwatch.skynet;

import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The key public areas, read from the database (a few dozen). */
@Service
public class KeyAreas {
  private final KeyAreaRepository repository;

  KeyAreas(KeyAreaRepository repository) { this.repository = repository; }

  @Transactional(readOnly = true)
  public List<KeyAreaView> all() { return repository.findAll().stream().map(KeyArea::view).toList(); }
}
