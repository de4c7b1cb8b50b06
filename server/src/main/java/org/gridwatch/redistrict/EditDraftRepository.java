package org.gridwatch.redistrict;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface EditDraftRepository extends JpaRepository<EditDraft, String> {
  List<EditDraft> findByStatusOrderByCreatedAtDesc(EditDraft.Status status);
}
