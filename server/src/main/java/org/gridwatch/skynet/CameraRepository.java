package org.gridwatch.skynet;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface CameraRepository extends JpaRepository<Camera, Long> {
  Optional<Camera> findByCode(String code);

  List<Camera> findByCodeIn(Collection<String> codes);
}
