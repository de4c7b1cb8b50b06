package org.gridwatch.skynet;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One camera as a client sends it (a create or update body, a GeoJSON feature's properties, a what-if draft), typed
 * so that an object or array where a string or number belongs is a 400 naming the field. Text is bounded here; the
 * numbers' bounds (lon −180..180, lat −90..90, heading 0..360, fov 0.1..360, range 1..500 m, mount_height 0..100 m),
 * the code's pattern and placing in the district are checked by {@link CameraInput}, which CSV rows share.
 */
public record CameraRequest(
    @Size(max = 20) String code,
    @Size(max = 100) String name,
    Double lon,
    Double lat,
    @JsonFormat(with = JsonFormat.Feature.ACCEPT_CASE_INSENSITIVE_VALUES) CameraType type,
    Double heading,
    Double fov,
    Double range,
    @JsonProperty("mount_height") Double mountHeight,
    @JsonFormat(with = JsonFormat.Feature.ACCEPT_CASE_INSENSITIVE_VALUES) CameraStatus status,
    @JsonProperty("key_area") Boolean keyArea,
    @JsonProperty("install_date") LocalDate installDate) {

  /** The same fields as named text values, the form {@link CameraInput} reads (absent fields left out). */
  public Map<String, String> fields() {
    Map<String, String> m = new LinkedHashMap<>();
    put(m, "code", code);
    put(m, "name", name);
    put(m, "lon", lon);
    put(m, "lat", lat);
    put(m, "type", type == null ? null : type.name());
    put(m, "heading", heading);
    put(m, "fov", fov);
    put(m, "range", range);
    put(m, "mount_height", mountHeight);
    put(m, "status", status == null ? null : status.name());
    put(m, "key_area", keyArea);
    put(m, "install_date", installDate);
    return m;
  }

  /** At a GeoJSON Point's position (it wins over lon and lat among the properties). */
  CameraRequest at(Double lon, Double lat) {
    return new CameraRequest(code, name, lon != null ? lon : this.lon, lat != null ? lat : this.lat, type, heading, fov,
        range, mountHeight, status, keyArea, installDate);
  }

  private static void put(Map<String, String> m, String key, Object value) {
    if (value != null) m.put(key, value instanceof Double d ? Double.toString(d) : value.toString());
  }
}
