package org.gridwatch.incident;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonFormat;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * The body of {@code POST /api/v1/incidents}: {@code category}, {@code location} (a GeoJSON Point, read by
 * {@link org.gridwatch.geo.GeoJson}), {@code crs}, {@code description} (1–4,000 characters), {@code address},
 * {@code publicText} (whether anyone may read the description and address, masked; default no),
 * {@code mediaUrls} (http(s), at most 5), {@code priority}, {@code kind}, {@code requestType}, {@code channel}
 * (command centre only) and {@code reporter} {name, phone, email}. Choices are case-insensitive. Unknown members
 * are refused (a misspelt member would otherwise be lost silently): {@link NativeSubmission} names them.
 * {@code mediaUrls} is an array, not a {@code List<String>}: Jackson 3.1 reads a nested array inside a
 * {@code List<String>} as an error on the whole body, into {@code String[]} it names the element.
 */
record ReportRequest(
    @NotBlank(message = "is required") @Size(max = 30, message = "at most 30 characters") String category,
    JsonNode location,
    @Size(max = 20, message = "at most 20 characters") String crs,
    @NotBlank(message = "is required") @Size(max = Submission.MAX_DESCRIPTION, message = "at most " + Submission.MAX_DESCRIPTION + " characters")
    String description,
    @Size(max = 200, message = "at most 200 characters") String address,
    Boolean publicText,
    @Size(max = 5, message = "at most 5 URLs") String[] mediaUrls,
    @JsonFormat(with = JsonFormat.Feature.ACCEPT_CASE_INSENSITIVE_VALUES) Priority priority,
    @JsonFormat(with = JsonFormat.Feature.ACCEPT_CASE_INSENSITIVE_VALUES) Kind kind,
    @JsonFormat(with = JsonFormat.Feature.ACCEPT_CASE_INSENSITIVE_VALUES) Channel channel,
    @JsonFormat(with = JsonFormat.Feature.ACCEPT_CASE_INSENSITIVE_VALUES) RequestType requestType,
    @Valid Reporter reporter,
    @JsonAnySetter Map<String, Object> unknown) {

  static final Set<String> MEMBERS = Set.of("category", "location", "crs", "description", "address", "publicText",
      "mediaUrls", "priority", "kind", "channel", "reporter", "requestType");
  private static final tools.jackson.databind.json.JsonMapper CANONICAL = tools.jackson.databind.json.JsonMapper.builder().build();

  /** Who reports, for the command centre to call back: private, never on a public read. */
  record Reporter(@Size(max = 60, message = "at most 60 characters") String name,
      @Size(max = 30, message = "at most 30 characters") String phone,
      @Size(max = 120, message = "at most 120 characters") String email) {}

  /** The members sent that a report does not have. */
  Set<String> unknownMembers() { return unknown == null ? Set.of() : unknown.keySet(); }

  /** This request in one canonical JSON form (member order and spacing fixed): what an Idempotency-Key is bound to. */
  String canonical() { return CANONICAL.writeValueAsString(this); }
}
