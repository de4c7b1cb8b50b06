package org.gridwatch.skynet;

import org.springframework.data.jpa.repository.JpaRepository;

interface KeyAreaRepository extends JpaRepository<KeyArea, String> {}
