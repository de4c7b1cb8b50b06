package org.gridwatch.service;

import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import org.gridwatch.area.Placement;
import org.gridwatch.incident.Actors;
import org.gridwatch.problem.ProblemException;
import org.gridwatch.problem.Text;
import org.gridwatch.security.Role;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/services}: the catalogue (offers, and which offers reach a place), the service deserts, and which
 * case categories a service answers.
 */
@RestController
class OfferController {
  /** The body of {@code PUT /api/v1/category-services/{category}}: the service answering it, null to unmap. */
  record CategoryService(ServiceKind service) {}

  private final Offers offers;
  private final Places places;
  private final ServiceDeserts deserts;
  private final CategoryServices categories;
  private final Actors actors;

  OfferController(Offers offers, Places places, ServiceDeserts deserts, CategoryServices categories, Actors actors) {
    this.offers = offers;
    this.places = places;
    this.deserts = deserts;
    this.categories = categories;
    this.actors = actors;
  }

  @PostMapping("/api/v1/services")
  ResponseEntity<OfferView> create(@Valid @RequestBody OfferRequest body) {
    OfferView v = offers.create(body, actors.current(), false);
    return ResponseEntity.created(URI.create("/api/v1/services/" + v.id())).body(v);
  }

  /** The offers of a service reaching a place (lon and lat together), or all offers of the service. */
  @GetMapping("/api/v1/services")
  List<OfferView> list(@RequestParam(required = false) ServiceKind service, @RequestParam(required = false) Double lon,
      @RequestParam(required = false) Double lat) {
    if ((lon == null) != (lat == null)) throw ProblemException.badInput(lon == null ? "lon" : "lat", Text.of("service.lon-lat-together"));
    Placement place = lon == null ? null : places.place(lon, lat, "lon", "lat");
    return offers.list(service, place);
  }

  @GetMapping("/api/v1/services/{id}")
  OfferView one(@PathVariable long id) {
    return offers.find(id).map(Offers.Offer::view).orElseThrow(() -> ProblemException.notFound("unknown-offer", "Unknown offer",
        Text.of("service.no-offer-x", id)));
  }

  /** Grids whose residents have no point offering the service within {@code distance} metres (50 … 5,000, default 500). */
  @GetMapping("/api/v1/services/deserts")
  ServiceDeserts.Answer deserts(@RequestParam(required = false) ServiceKind service,
      @RequestParam(defaultValue = "500") int distance) {
    if (service == null) throw ProblemException.badInput("service", Text.of("service.required"));
    if (distance < 50 || distance > 5000) throw ProblemException.badInput("distance", Text.of("service.distance-50-5000", distance));
    return deserts.of(service, distance);
  }

  @GetMapping("/api/v1/category-services")
  List<CategoryServices.Mapping> categoryServices() { return categories.all(); }

  @PutMapping("/api/v1/category-services/{category}")
  List<CategoryServices.Mapping> mapCategory(@PathVariable String category, @RequestBody CategoryService body) {
    Role.require(SecurityContextHolder.getContext().getAuthentication(), "map categories to services", Role.ADMIN);
    try {
      categories.put(category, body == null ? null : body.service());
    } catch (org.springframework.dao.DataIntegrityViolationException e) {
      throw ProblemException.badInput("category", Text.of("service.no-category-x", category));
    }
    return categories.all();
  }
}
