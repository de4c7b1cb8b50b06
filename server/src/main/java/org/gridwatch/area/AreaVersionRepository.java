package org.gridwatch.area;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface AreaVersionRepository extends JpaRepository<AreaVersion, Long> {
  /** The current outline of every area still in use, with its area. */
  @Query("select v from AreaVersion v join fetch v.area a where v.validTo is null and a.retiredAt is null")
  List<AreaVersion> findCurrent();

  /** The current outlines of a parent's children. */
  @Query("select v from AreaVersion v join fetch v.area a where v.validTo is null and a.retiredAt is null and a.parentCode = :parent")
  List<AreaVersion> findCurrentChildren(@org.springframework.data.repository.query.Param("parent") String parent);

  /** Every version of an area, oldest first. */
  @Query("select v from AreaVersion v join fetch v.area a where a.code = :code order by v.version")
  List<AreaVersion> findHistory(@org.springframework.data.repository.query.Param("code") String code);

  /** The versions of one level valid at an instant. */
  @Query("select v from AreaVersion v join fetch v.area a where a.level = :level and v.validFrom <= :at"
      + " and (v.validTo is null or v.validTo > :at)")
  List<AreaVersion> findValidAt(@org.springframework.data.repository.query.Param("level") AreaLevel level,
      @org.springframework.data.repository.query.Param("at") java.time.Instant at);

  /** The versions of one level valid at an instant whose outline meets a geometry (a point, the boxes of a view). */
  @Query("select v from AreaVersion v join fetch v.area a where a.level = :level and v.validFrom <= :at"
      + " and (v.validTo is null or v.validTo > :at) and st_intersects(v.boundary, :where) = true")
  List<AreaVersion> findValidAtMeeting(@org.springframework.data.repository.query.Param("level") AreaLevel level,
      @org.springframework.data.repository.query.Param("at") java.time.Instant at,
      @org.springframework.data.repository.query.Param("where") org.locationtech.jts.geom.Geometry where);

  /** The current outline of one area. */
  @Query("select v from AreaVersion v join fetch v.area a where v.validTo is null and a.code = :code")
  java.util.Optional<AreaVersion> findCurrentOf(@org.springframework.data.repository.query.Param("code") String code);

  /** The moments at which some area of a level got a new version (a boundary edit), oldest first. */
  @Query("select distinct v.validFrom from AreaVersion v where v.area.level = :level order by v.validFrom")
  List<java.time.Instant> findChangeMoments(@org.springframework.data.repository.query.Param("level") AreaLevel level);
}
