package org.gridwatch.organisation;

import org.springframework.data.jpa.repository.JpaRepository;

interface StaffLinkRepository extends JpaRepository<StaffLink, String> {}
