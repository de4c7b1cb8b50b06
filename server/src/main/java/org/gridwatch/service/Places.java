package org.gridwatch.service;

import java.util.List;
import org.gridwatch.area.AreaCatalog;
import org.gridwatch.area.AreaView;
import org.gridwatch.area.LocateService;
import org.gridwatch.area.Placement;
import org.gridwatch.geo.Crs;
import org.gridwatch.problem.ProblemException;
import org.gridwatch.problem.Text;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/** Places given in a body (WGS84 lon/lat) and area codes given as filters, checked against the district. */
@Component
class Places {
  private final LocateService locate;
  private final AreaCatalog catalog;

  Places(LocateService locate, AreaCatalog catalog) {
    this.locate = locate;
    this.catalog = catalog;
  }

  /** The grid and its ancestors holding the point; 400 out of range, 422 naming {@code lonField} outside the district. */
  Placement place(double lon, double lat, String lonField, String latField) {
    locate.checkRange(lon, lat, Crs.WGS84, lonField, latField);
    return locate.place(lon, lat, Crs.WGS84).orElseThrow(() -> new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT,
        "outside-district", "Outside the district", Text.of("service.place-outside-district", lon, lat),
        List.of(new ProblemException.FieldError(lonField, Text.of("service.place-outside-district", lon, lat)))));
  }

  /** A current grid, community or subdistrict by code; 400 naming {@code field} otherwise. */
  AreaView area(String code, String field) {
    return catalog.now().find(code).filter(a -> switch (a.level()) {
      case GRID, COMMUNITY, SUBDISTRICT -> true;
      default -> false;
    }).orElseThrow(() -> ProblemException.badInput(field, Text.of("service.no-such-area", code)));
  }

  /** The codes of the area and all its ancestors. */
  List<String> chainCodes(String code) {
    return catalog.now().find(code).map(a -> catalog.now().chain(a).stream().map(AreaView::code).toList()).orElse(List.of(code));
  }
}
