package org.gridwatch.building;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.gridwatch.area.AreaCatalog;
import org.gridwatch.area.BuildingRegister;
import org.gridwatch.area.BuildingRegister.NewCompound;
import org.gridwatch.area.DeliveredFiles;
import org.gridwatch.geo.io.FeatureFile;
import org.gridwatch.geo.io.FeatureFileReader;
import org.gridwatch.problem.ProblemException;
import org.gridwatch.problem.ProblemException.FieldError;
import org.springframework.stereotype.Service;

/**
 * A buildings import end to end: the file read by the shared reader (GeoJSON, GeoPackage or zipped Shapefile, in
 * the CRS it declares, into WGS84), every feature checked ({@link BuildingCheck}); when any is refused, nothing is
 * stored unless {@code partial}; with {@code dryRun} nothing is stored at all and the answer says what would be.
 * Compounds without a given outline get a derived one ({@link CompoundOutlines}).
 */
@Service
class BuildingImports {
  private final AreaCatalog catalog;
  private final BuildingRegister register;

  BuildingImports(AreaCatalog catalog, BuildingRegister register) {
    this.catalog = catalog;
    this.register = register;
  }

  ImportAnswer run(FeatureFileReader.Delivery delivery, boolean partial, boolean dryRun, boolean zh) {
    FeatureFile file = DeliveredFiles.read(delivery);
    AreaCatalog.Snapshot s = catalog.now();
    List<FieldError> unreadable = file.errors().stream().map(e -> new FieldError(e.field(), e.reason())).toList();
    BuildingCheck.Checked checked = new BuildingCheck(s, zh).check(file.features(), unreadable);
    int good = checked.buildings().size() + checked.compounds().size();
    if (!checked.errors().isEmpty() && !partial && !dryRun) throw ProblemException.badInput(checked.errors());
    List<NewCompound> derived = CompoundOutlines.derive(s.buildings(), s.compounds(), checked.buildings(), checked.compounds());
    if (dryRun) return new ImportAnswer(good, checked.refused(), checked.errors(), true, derived.size(), List.of());
    List<NewCompound> compounds = new ArrayList<>(checked.compounds());
    compounds.addAll(derived);
    Set<String> recounted = register.store(checked.buildings(), compounds);
    return new ImportAnswer(good, checked.refused(), checked.errors(), false, derived.size(), List.copyOf(recounted));
  }
}
