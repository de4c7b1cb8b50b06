package org.gridwatch.consultation;

import jakarta.validation.Valid;
import org.gridwatch.consultation.ConsultationAnswers.ConveneAnswer;
import org.gridwatch.consultation.ConsultationRequests.ConveneRequest;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The case action {@code convene}: its own route (more specific than the generic {@code /{id}/{action}}), as it names
 * or opens the topic the case goes to.
 */
@RestController
class ConveneController {
  private final Convening convening;

  ConveneController(Convening convening) { this.convening = convening; }

  @PostMapping("/api/v1/incidents/{id}/convene")
  ConveneAnswer convene(@PathVariable String id, @Valid @RequestBody ConveneRequest body) { return convening.convene(id, body); }
}
