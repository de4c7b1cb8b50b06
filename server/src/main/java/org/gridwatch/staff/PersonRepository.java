package org.gridwatch.staff;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface PersonRepository extends JpaRepository<Person, Long> {
  Optional<Person> findByUsername(String username);
  Optional<Person> findByCode(String code);
}
