package org.gridwatch.skynet;

import org.gridwatch.problem.Text;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.gridwatch.problem.ProblemException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Where the command centre watches a camera live: a GB/T 28181 device id (20 digits, or whatever id the video platform
 * uses) or a URL (http, https, rtsp, rtmp). Kept beside the camera, outside {@link CameraView}: it changes nothing of
 * what the camera covers, so setting it does not recompute coverage. Empty by default.
 */
@Service
public class LiveViews {
  /** A camera's live-view setting; {@code liveView} null when none is set. */
  public record LiveView(String code, String name, String liveView) {}

  static final int MAX = 500;
  private static final Set<String> SCHEMES = Set.of("http", "https", "rtsp", "rtmp");

  private final CameraRepository repository;
  private final Clock clock;

  LiveViews(CameraRepository repository, Clock clock) {
    this.repository = repository;
    this.clock = clock;
  }

  /** The live views of these cameras, by code (cameras without one are left out). */
  @Transactional(readOnly = true)
  public Map<String, String> of(Collection<String> codes) {
    if (codes.isEmpty()) return Map.of();
    return repository.findByCodeIn(codes).stream().filter(c -> c.getLiveView() != null)
        .collect(Collectors.toMap(Camera::getCode, Camera::getLiveView));
  }

  /** Sets (or, with null or blank, clears) a camera's live view; committed before the caller answers. */
  @Transactional
  public LiveView set(String code, String liveView) {
    Camera c = repository.findByCode(code).orElseThrow(() -> Cameras.notFound(code));
    String value = checked(liveView);
    c.setLiveView(value, clock.instant());
    repository.flush();
    return new LiveView(c.getCode(), c.getName(), value);
  }

  /** The value to store: null for blank; refused when too long, holding spaces or control characters, or a URL of another scheme. */
  static String checked(String liveView) {
    if (liveView == null || liveView.isBlank()) return null;
    String v = liveView.strip();
    if (v.length() > MAX) throw ProblemException.badInput("liveView", Text.of("camera.live-view-length", MAX));
    if (v.chars().anyMatch(ch -> Character.isWhitespace(ch) || Character.isISOControl(ch))) {
      throw ProblemException.badInput("liveView", Text.of("camera.live-view-no-spaces"));
    }
    if (v.matches("^[A-Za-z][A-Za-z0-9+.-]*:.*")) {
      try {
        URI uri = new URI(v);
        if (!SCHEMES.contains(uri.getScheme().toLowerCase(Locale.ROOT)) || uri.getHost() == null) {
          throw ProblemException.badInput("liveView", Text.of("camera.live-view-scheme"));
        }
      } catch (URISyntaxException e) {
        throw ProblemException.badInput("liveView", Text.of("camera.live-view-url"));
      }
    }
    return v;
  }
}
