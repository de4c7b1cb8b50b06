package org.gridwatch.consultation.measures;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/consultation/measures}: the consultation figures per community or subdistrict (staff). */
@RestController
class ConsultationMeasuresController {
  private final ConsultationMeasures measures;

  ConsultationMeasuresController(ConsultationMeasures measures) { this.measures = measures; }

  @GetMapping("/api/v1/consultation/measures")
  ConsultationFigures measures(@RequestParam(required = false) String level, @RequestParam(required = false) String code,
      @RequestParam(required = false) String from, @RequestParam(required = false) String to) {
    return measures.of(level, code, from, to);
  }
}
