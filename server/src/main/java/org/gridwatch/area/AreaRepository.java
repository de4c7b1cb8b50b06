package org.gridwatch.area;

import org.springframework.data.jpa.repository.JpaRepository;

interface AreaRepository extends JpaRepository<Area, Long> {
  /** The area, its row locked until the transaction ends: edits under one parent queue behind each other. */
  @org.springframework.data.jpa.repository.Lock(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE)
  @org.springframework.data.jpa.repository.Query("select a from Area a where a.code = :code")
  java.util.Optional<Area> lockByCode(@org.springframework.data.repository.query.Param("code") String code);

  /** Every code ever used under a parent, retired ones included. */
  @org.springframework.data.jpa.repository.Query("select a.code from Area a where a.parentCode = :parent")
  java.util.List<String> codesUnder(@org.springframework.data.repository.query.Param("parent") String parent);

  java.util.Optional<Area> findByCode(String code);
}
