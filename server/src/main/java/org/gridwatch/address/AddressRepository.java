package org.gridwatch.address;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface AddressRepository extends JpaRepository<Address, Long> {
  Optional<Address> findByBuildingCode(String buildingCode);

  List<Address> findByBuildingCodeIn(java.util.Collection<String> codes);
}
