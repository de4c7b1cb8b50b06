package org.gridwatch.area;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface CompoundRepository extends JpaRepository<Compound, Long> {
  Optional<Compound> findByName(String name);
}
