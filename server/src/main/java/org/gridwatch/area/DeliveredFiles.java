package org.gridwatch.area;

import java.util.List;
import org.gridwatch.geo.io.FeatureFile;
import org.gridwatch.geo.io.FeatureFileException;
import org.gridwatch.geo.io.FeatureFileReader;
import org.gridwatch.problem.ProblemException;
import org.gridwatch.problem.ProblemException.FieldError;
import org.springframework.http.HttpStatus;

/**
 * Reading a delivered feature file for an import ({@link FeatureFileReader}), its refusals as problems: a file refused
 * as a whole is a 400 naming the field ({@code crs}, {@code .prj}, {@code body}), a zip too large once unpacked 413,
 * a format not read here 415. Imports of any capability use it, so that every import accepts the same files and CRSs.
 */
public final class DeliveredFiles {
  private DeliveredFiles() {}

  public static FeatureFile read(FeatureFileReader.Delivery delivery) {
    try {
      return FeatureFileReader.read(delivery);
    } catch (FeatureFileException e) {
      List<FieldError> errors = List.of(new FieldError(e.field(), e.reason()));
      throw switch (e.kind()) {
        case BAD_INPUT -> ProblemException.badInput(e.field(), e.reason());
        case TOO_LARGE -> new ProblemException(HttpStatus.CONTENT_TOO_LARGE, "body-too-large", "Request body too large",
            e.getMessage(), errors);
        case UNSUPPORTED_MEDIA_TYPE -> new ProblemException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type",
            "Unsupported media type", e.reason(), errors);
      };
    }
  }

  /** The features the reader could not read, as field errors. */
  public static List<FieldError> errors(FeatureFile file) {
    return file.errors().stream().map(e -> new FieldError(e.field(), e.reason())).toList();
  }
}
