package org.gridwatch.area;

import org.springframework.data.jpa.repository.JpaRepository;

interface AreaRepository extends JpaRepository<Area, Long> {}
