package org.gridwatch.redistrict;

import org.gridwatch.problem.Text;
import java.util.ArrayList;
import java.util.List;
import org.gridwatch.area.AreaCatalog;
import org.gridwatch.area.AreaLevel;
import org.gridwatch.area.BuildingView;
import org.gridwatch.area.DistrictProfile;
import org.gridwatch.area.HouseholdBand;
import org.gridwatch.problem.ProblemException;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * The warnings of an edit, worked out the same way for its preview and for its commit (so that what the planner
 * confirmed is what the commit checks): every area it would create or reshape outside its community's household
 * band (grids) or stringy (any level), and compounds it would cut in two. A commit with warnings is refused until
 * the planner confirms it ({@link #requireConfirmed}).
 */
@Component
class EditWarnings {
  private final DistrictProfile district;
  private final AreaCatalog catalog;

  EditWarnings(DistrictProfile district, AreaCatalog catalog) {
    this.district = district;
    this.catalog = catalog;
  }

  /** The warnings of several edits made as one change (an edit and the levels below it). */
  List<EditWarning> of(List<Edit> all) {
    List<EditWarning> out = new ArrayList<>();
    for (Edit e : all) out.addAll(of(e, buildingsIn(e)));
    return out;
  }

  /** One edit's warnings, {@code inGround} the buildings on the ground it touches. */
  List<EditWarning> of(Edit e, List<BuildingView> inGround) {
    List<EditWarning> out = new ArrayList<>();
    HouseholdBand band = district.householdBand(e.parentCode());
    double stringy = district.polsbyPopperWarning();
    for (var after : e.after().entrySet()) {
      Shape s = Shape.of(after.getValue(), inGround);
      if (e.level() == AreaLevel.GRID && !band.contains(s.households())) {
        out.add(EditWarning.outsideBand(after.getKey(), s.households(), band.low(), band.high()));
      }
      if (s.polsbyPopper() < stringy) out.add(EditWarning.stringy(after.getKey(), s.polsbyPopper(), stringy));
    }
    if (e.level() == AreaLevel.GRID) out.addAll(Compounds.cut(inGround, e.placeBefore(), e.placeAfter()));
    return out;
  }

  List<BuildingView> buildingsIn(Edit e) {
    var inside = PreparedGeometryFactory.prepare(e.ground());
    return catalog.now().buildings().stream().filter(b -> inside.covers(b.location())).toList();
  }

  /** 409 {@code /problems/confirmation-required} with the warnings, unless there are none or the planner confirmed. */
  static void requireConfirmed(List<EditWarning> warnings, boolean confirmed) {
    if (confirmed || warnings.isEmpty()) return;
    throw new ProblemException(HttpStatus.CONFLICT, "confirmation-required", "Confirmation required",
        Text.of("edit.confirm-warnings", warnings.size()), List.of()).with("warnings", warnings);
  }
}
