package org.gridwatch.incident;

import java.util.List;
import org.gridwatch.geo.Crs;

/**
 * A new case as any channel hands it over, already checked for form (numbers, lengths, URLs) by the channel,
 * which knows its own field names. {@code fields} names the channel's fields for category and location, so
 * that semantic refusals (unknown category, outside the district) name what the client sent.
 */
public record Submission(String categoryCode, double lon, double lat, Crs crs, String address, String description,
    List<String> mediaUrls, Priority priority, Kind kind, Channel channel, Reporter reporter, Fields fields,
    RequestType requestType, boolean publicText) {

  /** A submission whose words stay with staff (the default: the reporter did not choose to publish them). */
  public Submission(String categoryCode, double lon, double lat, Crs crs, String address, String description,
      List<String> mediaUrls, Priority priority, Kind kind, Channel channel, Reporter reporter, Fields fields,
      RequestType requestType) {
    this(categoryCode, lon, lat, crs, address, description, mediaUrls, priority, kind, channel, reporter, fields,
        requestType, false);
  }

  /** The same submission with the reporter's choice whether anyone may read its words. */
  public Submission withPublicText(boolean value) {
    return new Submission(categoryCode, lon, lat, crs, address, description, mediaUrls, priority, kind, channel,
        reporter, fields, requestType, value);
  }

  /** A submission that names no 诉求类型: the category's kind decides it. */
  public Submission(String categoryCode, double lon, double lat, Crs crs, String address, String description,
      List<String> mediaUrls, Priority priority, Kind kind, Channel channel, Reporter reporter, Fields fields) {
    this(categoryCode, lon, lat, crs, address, description, mediaUrls, priority, kind, channel, reporter, fields, null);
  }

  /** The reporter's contact details: private, never on a public read, never logged. */
  public record Reporter(String name, String phone, String email, String deviceId, String account) {
    public static final Reporter NONE = new Reporter(null, null, null, null, null);
  }

  /** How the channel calls its category and location fields. */
  public record Fields(String category, String location) {
    public static final Fields NATIVE = new Fields("category", "location");
  }

  public static final int MAX_DESCRIPTION = 4000;

  /** Whether a media or photo link is an http(s) URL of at most 300 characters: the only kind a case keeps. */
  public static boolean isWebUrl(String url) {
    if (url == null || url.length() > 300) return false;
    try {
      java.net.URI u = java.net.URI.create(url);
      return ("http".equals(u.getScheme()) || "https".equals(u.getScheme())) && u.getHost() != null;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
