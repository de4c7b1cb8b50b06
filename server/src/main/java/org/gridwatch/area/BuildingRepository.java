package org.gridwatch.area;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface BuildingRepository extends JpaRepository<Building, Long> {
  Optional<Building> findByCode(String code);
}
