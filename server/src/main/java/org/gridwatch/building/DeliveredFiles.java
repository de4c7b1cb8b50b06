package org.gridwatch.building;

import java.util.List;
import org.gridwatch.geo.io.FeatureFile;
import org.gridwatch.geo.io.FeatureFileException;
import org.gridwatch.geo.io.FeatureFileReader;
import org.gridwatch.problem.ProblemException;
import org.gridwatch.problem.ProblemException.FieldError;
import org.springframework.http.HttpStatus;

/** A delivered file read by the shared reader; a file refused as a whole becomes a 400, 413 or 415 problem naming why. */
final class DeliveredFiles {
  private DeliveredFiles() {}

  static FeatureFile read(FeatureFileReader.Delivery delivery) {
    try {
      return FeatureFileReader.read(delivery);
    } catch (FeatureFileException e) {
      HttpStatus status = switch (e.kind()) {
        case BAD_INPUT -> HttpStatus.BAD_REQUEST;
        case TOO_LARGE -> HttpStatus.CONTENT_TOO_LARGE;
        case UNSUPPORTED_MEDIA_TYPE -> HttpStatus.UNSUPPORTED_MEDIA_TYPE;
      };
      String slug = status == HttpStatus.BAD_REQUEST ? "invalid-input" : status == HttpStatus.CONTENT_TOO_LARGE
          ? "body-too-large" : "unsupported-media-type";
      String title = status == HttpStatus.BAD_REQUEST ? "Invalid input" : status == HttpStatus.CONTENT_TOO_LARGE
          ? "Request body too large" : "Unsupported media type";
      throw new ProblemException(status, slug, title, e.field() + ": " + e.reason(), List.of(new FieldError(e.field(), e.reason())));
    }
  }
}
