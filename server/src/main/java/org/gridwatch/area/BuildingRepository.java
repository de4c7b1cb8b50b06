package org.gridwatch.area;

import org.springframework.data.jpa.repository.JpaRepository;

interface BuildingRepository extends JpaRepository<Building, Long> {}
