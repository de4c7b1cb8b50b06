package org.gridwatch.redistrict;

import org.gridwatch.problem.Text;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.gridwatch.area.AreaCatalog;
import org.gridwatch.area.AreaLevel;
import org.gridwatch.area.AreaView;
import org.gridwatch.problem.ProblemException;
import org.gridwatch.problem.ProblemException.FieldError;
import org.springframework.stereotype.Service;

/**
 * A whole level of areas out and back in: export the current outlines (of the level, or of those within one
 * area), and import an edited layer by re-tiling each parent it names, all in one transaction. A feature's parent
 * is its {@code parent} property, or for an existing code the area's own parent. Features that did not change
 * are no-ops, so importing an export unchanged writes nothing.
 */
@Service
class LevelExchange {
  static final int MAX_FEATURES = 10_000;

  private final AreaCatalog catalog;
  private final Retile retile;

  LevelExchange(AreaCatalog catalog, Retile retile) {
    this.catalog = catalog;
    this.retile = retile;
  }

  /** The level named in a path: grids, communities or subdistricts. */
  static AreaLevel level(String plural) {
    for (AreaLevel l : new AreaLevel[] {AreaLevel.SUBDISTRICT, AreaLevel.COMMUNITY, AreaLevel.GRID}) {
      if (l.plural().equals(plural)) return l;
    }
    throw ProblemException.notFound("unknown-level", "Unknown level", Text.of("redistrict.there-no-level-x-use", plural));
  }

  /** The current areas of a level in code order, all of them or those inside {@code within}. */
  List<AreaView> export(AreaLevel level, String within) {
    AreaCatalog.Snapshot s = catalog.now();
    if (within == null) return s.level(level);
    AreaView scope = s.find(within).filter(a -> a.level().ordinal() < level.ordinal())
        .orElseThrow(() -> ProblemException.badInput("within", Text.of("redistrict.x-not-current-area-above", within, Text.of("level." + level.plural()))));
    return s.level(level).stream().filter(a -> s.chain(a).contains(scope)).toList();
  }

  Map<String, Object> importLayer(AreaLevel level, List<AreaFeature> features, boolean dryRun, String actor, String actorRole,
      tools.jackson.databind.json.JsonMapper json) {
    if (features.isEmpty()) throw ProblemException.badInput("features", Text.of("redistrict.layer-has-no-features"));
    if (features.size() > MAX_FEATURES) throw ProblemException.badInput("features", Text.of("redistrict.at-most-x-features-per", MAX_FEATURES));
    List<Retile.Group> groups = groups(level, features);
    if (dryRun) {
      Map<String, Object> out = new LinkedHashMap<>(RetileAnswers.planned(retile.preview(groups), json));
      out.put("dryRun", true);
      return out;
    }
    // An import's preview is its dry run (dryRun=true): what the file says is what the planner asked for.
    return RetileAnswers.done(retile.applyAll(groups, new EditCommit.Actor(actor, actorRole, true)));
  }

  /** Features by parent; a feature whose parent cannot be told, or whose code is of another level, is refused. */
  private List<Retile.Group> groups(AreaLevel level, List<AreaFeature> features) {
    AreaCatalog.Snapshot s = catalog.now();
    AreaLevel parentLevel = AreaLevel.values()[level.ordinal() - 1];
    Map<String, List<Retile.Piece>> byParent = new LinkedHashMap<>();
    List<FieldError> errors = new ArrayList<>();
    String single = level.name().toLowerCase(Locale.ROOT), parentName = parentLevel.name().toLowerCase(Locale.ROOT);
    for (AreaFeature f : features) {
      String at = "features[" + f.index() + "].properties.";
      if (f.code() != null && AreaLevel.ofCode(f.code()).filter(l -> l == level).isEmpty()) {
        errors.add(new FieldError(at + "code", Text.of("redistrict.x-not-x-code-x", f.code(), single, level.codeLength())));
        continue;
      }
      Optional<AreaView> existing = f.code() == null ? Optional.empty() : s.find(f.code());
      String parent = f.parent() != null ? f.parent() : existing.map(AreaView::parentCode).orElse(null);
      if (parent == null) {
        errors.add(f.code() == null ? new FieldError(at + "parent", Text.of("redistrict.new-x-needs-code-x", single, parentName))
            : new FieldError(at + "code", Text.of("redistrict.there-no-current-x-x", single, f.code())));
        continue;
      }
      if (s.find(parent).filter(p -> p.level() == parentLevel).isEmpty()) {
        errors.add(new FieldError(at + "parent", Text.of("redistrict.there-no-current-x-x-2", parentName, parent)));
        continue;
      }
      byParent.computeIfAbsent(parent, k -> new ArrayList<>()).add(f.piece());
    }
    if (!errors.isEmpty()) throw Retile.refused(errors);
    return byParent.entrySet().stream().map(e -> new Retile.Group(e.getKey(), e.getValue())).toList();
  }
}
