package org.gridwatch.incident;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The category taxonomy, cached in memory (it is read on every report) and reloaded when an admin edits it. */
@Service
public class Categories {
  private final CategoryRepository repository;
  private volatile Map<String, Category> byCode;

  Categories(CategoryRepository repository) { this.repository = repository; }

  public Optional<Category> find(String code) { return Optional.ofNullable(cache().get(code)); }

  public List<Category> all() {
    return cache().values().stream().sorted(Comparator.comparing(Category::getCode)).toList();
  }

  /**
   * Marks a category property first (物业优先) with its property company's limit in working hours; false when it
   * already was or does not exist.
   */
  @Transactional
  public boolean makePropertyFirst(String code, int hours) {
    Category c = repository.findById(code).orElse(null);
    if (c == null || c.isPropertyFirst()) return false;
    c.setPropertyFirst(true, hours);
    repository.flush();
    reload();
    return true;
  }

  @Transactional(readOnly = true)
  public void reload() {
    byCode = repository.findAll().stream().collect(Collectors.toUnmodifiableMap(Category::getCode, Function.identity()));
  }

  private Map<String, Category> cache() {
    if (byCode == null) reload();
    return byCode;
  }
}
