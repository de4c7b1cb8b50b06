package org.gridwatch.skynet;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface CameraRepository extends JpaRepository<Camera, Long> {
  Optional<Camera> findByCode(String code);
}
