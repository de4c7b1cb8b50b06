package org.gridwatch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.springframework.data.repository.Repository;

/**
 * The shape of the code (DESIGN.md §2): one package per capability; arrows point one way, demo → start-up →
 * adapters → capabilities → area → geo; geo imports nothing of ours; repositories stay inside their package; nothing
 * of the product depends on the demo.
 */
class ArchitectureTest {
  static final JavaClasses CLASSES = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("org.gridwatch");

  @Test
  void dependenciesPointOneWay() {
    layeredArchitecture().consideringOnlyDependenciesInLayers().withOptionalLayers(true)
        .layer("demo").definedBy("org.gridwatch.demo..")
        .layer("startup").definedBy("org.gridwatch.startup..")
        .layer("adapters").definedBy("org.gridwatch.ogcapi..", "org.gridwatch.open311..", "org.gridwatch.live..", "org.gridwatch.tiles..",
            "org.gridwatch.client..")
        .layer("capabilities").definedBy("org.gridwatch.patrol..", "org.gridwatch.staff..", "org.gridwatch.skynet..", "org.gridwatch.groundnet..",
            "org.gridwatch.coverage..", "org.gridwatch.incident..", "org.gridwatch.redistrict..",
            "org.gridwatch.calendar..", "org.gridwatch.media..", "org.gridwatch.address..",
            "org.gridwatch.organisation..", "org.gridwatch.volunteer..", "org.gridwatch.privacy..", "org.gridwatch.activity..", "org.gridwatch.service..",
            "org.gridwatch.community..", "org.gridwatch.need..", "org.gridwatch.funding..", "org.gridwatch.impact..",
            "org.gridwatch.governance..", "org.gridwatch.consultation..", "org.gridwatch.mediation..",
            "org.gridwatch.publication..", "org.gridwatch.notification..", "org.gridwatch.hotline..", "org.gridwatch.portal..")
        .layer("area").definedBy("org.gridwatch.area..")
        .layer("security").definedBy("org.gridwatch.security..")
        .layer("problem").definedBy("org.gridwatch.problem..")
        .layer("geo").definedBy("org.gridwatch.geo..")
        .layer("cluster").definedBy("org.gridwatch.cluster..")
        .whereLayer("demo").mayNotBeAccessedByAnyLayer()
        .whereLayer("startup").mayOnlyBeAccessedByLayers("demo")
        .whereLayer("adapters").mayOnlyBeAccessedByLayers("demo")
        .whereLayer("capabilities").mayOnlyBeAccessedByLayers("demo", "startup", "adapters", "capabilities")
        .whereLayer("area").mayOnlyBeAccessedByLayers("demo", "startup", "adapters", "capabilities")
        .whereLayer("security").mayOnlyBeAccessedByLayers("demo", "startup", "adapters", "capabilities")
        .whereLayer("problem").mayOnlyBeAccessedByLayers("startup", "adapters", "capabilities", "area", "security")
        .whereLayer("cluster").mayOnlyBeAccessedByLayers("adapters", "capabilities", "area")
        .check(CLASSES);
  }

  /** The demo is one optional part of the server: the product runs and builds without it. */
  @Test
  void nothingOutsideTheDemoDependsOnIt() {
    noClasses().that().resideOutsideOfPackage("org.gridwatch.demo..")
        .should().dependOnClassesThat().resideInAPackage("org.gridwatch.demo..").check(CLASSES);
  }

  @Test
  void geoImportsNothingOfOurs() {
    noClasses().that().resideInAPackage("org.gridwatch.geo..")
        .should().dependOnClassesThat().resideOutsideOfPackages("org.gridwatch.geo..", "java..", "javax..",
            "org.locationtech..", "tools.jackson..", "com.fasterxml.jackson..",
            // the feature-file readers (geo.io): H2GIS's Shapefile/dBASE reader and NGA's GeoPackage
            "org.h2gis..", "org.h2.value..", "mil.nga..")
        .check(CLASSES);
  }

  /** Messages between instances are plumbing: channels and payloads, no domain types. */
  @Test
  void clusterImportsNothingOfOurs() {
    noClasses().that().resideInAPackage("org.gridwatch.cluster..")
        .should().dependOnClassesThat().resideOutsideOfPackages("org.gridwatch.cluster..", "java..", "javax..", "org.postgresql..", "org.slf4j..",
            "org.springframework..")
        .check(CLASSES);
  }

  /** Read routing is plumbing under every capability: it knows no domain type, so any package may mark a read. */
  @Test
  void replicaImportsNothingOfOurs() {
    noClasses().that().resideInAPackage("org.gridwatch.replica..")
        .should().dependOnClassesThat().resideOutsideOfPackages("org.gridwatch.replica..", "java..", "javax..", "jakarta..",
            "org.slf4j..", "org.springframework..", "org.aopalliance..", "com.zaxxer.hikari..")
        .check(CLASSES);
  }

  @Test
  void theGenericSpatialIndexKnowsNoDomainTypes() {
    noClasses().that().resideInAPackage("org.gridwatch.geo.index..")
        .should().dependOnClassesThat().resideInAPackage("org.gridwatch.geo").check(CLASSES);
  }

  @Test
  void packagesHaveNoCycles() {
    slices().matching("org.gridwatch.(*)..").should().beFreeOfCycles().check(CLASSES);
  }

  @Test
  void repositoriesStayInsideTheirCapability() {
    classes().that().areAssignableTo(Repository.class).should().notBePublic().check(CLASSES);
  }
}
