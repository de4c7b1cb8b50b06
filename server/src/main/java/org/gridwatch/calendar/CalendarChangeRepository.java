package org.gridwatch.calendar;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface CalendarChangeRepository extends JpaRepository<CalendarChange, Long> {
  List<CalendarChange> findByYearOrderByChangedAtDescIdDesc(int year);
}
