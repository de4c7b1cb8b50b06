package org.gridwatch.support;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * Gives each {@link OnEmptyH2} / {@link OnEmptyPostgis} test class a database of its own with the demo disabled.
 * The customizer is equal only for the same class, so Spring's context cache never hands one class's context (and its
 * imported district) to another. H2: {@code jdbc:h2:mem:empty-<class>}. PostGIS: schema {@code empty_<class>} of the
 * {@code GRIDWATCH_TEST_PG_URL} database with {@code public} (PostGIS) on the search path; Flyway creates, cleans and
 * migrates only that schema.
 */
public final class EmptyDatabases implements ContextCustomizerFactory {

  @Override
  public ContextCustomizer createContextCustomizer(Class<?> testClass, List<ContextConfigurationAttributes> attributes) {
    boolean postgis = AnnotatedElementUtils.hasAnnotation(testClass, OnEmptyPostgis.class);
    boolean h2 = AnnotatedElementUtils.hasAnnotation(testClass, OnEmptyH2.class);
    return postgis || h2 ? new OwnDatabase(testClass, postgis) : null;
  }

  /** The name a class's database or schema gets: its simple name, lower case, safe for a schema identifier. */
  static String nameOf(Class<?> testClass) {
    return "empty_" + testClass.getSimpleName().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
  }

  private record OwnDatabase(Class<?> testClass, boolean postgis) implements ContextCustomizer {
    @Override
    public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
      String name = nameOf(testClass);
      Map<String, Object> properties = postgis
          ? Map.of("spring.datasource.url", postgisUrl(name), "spring.flyway.schemas", name,
              "spring.flyway.default-schema", name, "gridwatch.demo-data.enabled", "false")
          : Map.of("spring.datasource.url", "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1",
              "gridwatch.demo-data.enabled", "false");
      context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("empty-database", Map.copyOf(properties)));
    }

    private static String postgisUrl(String schema) {
      String base = System.getenv().getOrDefault("GRIDWATCH_TEST_PG_URL", "jdbc:postgresql://localhost:5432/gridwatch_test");
      return base + (base.contains("?") ? "&" : "?") + "currentSchema=" + schema + ",public";
    }
  }
}
