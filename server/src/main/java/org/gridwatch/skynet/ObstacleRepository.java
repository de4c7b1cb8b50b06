package org.gridwatch.skynet;

import org.springframework.data.jpa.repository.JpaRepository;

interface ObstacleRepository extends JpaRepository<Obstacle, String> {}
