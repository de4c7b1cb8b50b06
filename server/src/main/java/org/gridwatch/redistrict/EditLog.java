package org.gridwatch.redistrict;

import org.gridwatch.problem.Text;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.gridwatch.problem.ProblemException;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The record of committed boundary edits: written in the edit's own transaction, read to list and revert them. */
@Service
class EditLog {
  private final EditRecordRepository records;

  EditLog(EditRecordRepository records) { this.records = records; }

  @Transactional(propagation = Propagation.MANDATORY)
  EditRecord record(String kind, String parentCode, String actor, Instant at, String reverts, List<EditRecord.Touched> touched) {
    return records.saveAndFlush(new EditRecord(UUID.randomUUID().toString(), kind, parentCode, actor, at, reverts, touched));
  }

  @Transactional(readOnly = true)
  List<EditRecord> newest(int limit) { return records.newestFirst(PageRequest.of(0, limit)); }

  @Transactional(readOnly = true)
  EditRecord find(String id) { return records.findById(id).orElseThrow(() -> unknown(id)); }

  /** The record, locked for the rest of the transaction (a revert). */
  @Transactional(propagation = Propagation.MANDATORY)
  EditRecord lock(String id) { return records.lockById(id).orElseThrow(() -> unknown(id)); }

  private static ProblemException unknown(String id) {
    return ProblemException.notFound("unknown-edit", "Unknown edit", Text.of("edit.unknown", id));
  }
}
