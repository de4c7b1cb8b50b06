package org.gridwatch.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gridwatch.address.AddressLine;
import org.gridwatch.address.AddressRegister;
import org.gridwatch.area.AreaCatalog;
import org.gridwatch.area.BuildingView;
import org.springframework.stereotype.Component;

/**
 * The demo's standard addresses, one per building, stored once into an empty address table. The generated buildings
 * are named after the compound (院) they stand in, itself numbered along one of the subdistrict's named roads
 * ({@code 敦化路59号院5号楼}): road, number and building number come from that name, the compound is the 院, and
 * the number of units (单元) follows the households — a walk-up of 12 households per unit (2 per floor, 6 floors),
 * a high-rise (60 households and more) with two.
 */
@Component
@DemoDataEnabled
class DemoAddresses {
  private static final Pattern NAME = Pattern.compile("^(.+?)(\\d+)号院(\\d+)号楼$");

  private final AddressRegister register;
  private final AreaCatalog catalog;

  DemoAddresses(AddressRegister register, AreaCatalog catalog) {
    this.register = register;
    this.catalog = catalog;
  }

  String seed() {
    if (!register.isEmpty()) return "already there";
    List<AddressLine> lines = new ArrayList<>();
    for (BuildingView b : catalog.now().buildings()) {
      Matcher m = NAME.matcher(b.name());
      if (!m.matches()) continue;
      int units = b.households() >= 60 ? 2 : Math.max(1, (b.households() + 11) / 12);
      lines.add(new AddressLine(b.code(), m.group(1), m.group(2), m.group(3), units, m.group(1) + m.group(2) + "号院", List.of()));
    }
    register.store(lines);
    return lines.size() + " addresses";
  }
}
