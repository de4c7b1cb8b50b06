package org.gridwatch.bench.city;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * One signed-in user over HTTP, as the console is: a form sign-in once, then the session cookie on every request
 * (HTTP Basic would pay a BCrypt check per request, which is not what a read costs).
 */
final class Client {
  private final HttpClient http = HttpClient.newHttpClient();
  private final String base;
  private final String cookie;

  Client(int port, String username, String password) throws Exception {
    base = "http://localhost:" + port;
    HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(), HttpResponse.BodyHandlers.ofString());
    String xsrf = page.headers().allValues("Set-Cookie").stream().map(c -> c.split(";")[0]).filter(c -> c.startsWith("XSRF-TOKEN="))
        .findFirst().orElseThrow();
    HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create(base + "/login"))
        .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", xsrf)
        .POST(HttpRequest.BodyPublishers.ofString("username=" + username + "&password=" + password + "&_csrf="
            + xsrf.substring("XSRF-TOKEN=".length())))
        .build(), HttpResponse.BodyHandlers.ofString());
    cookie = login.headers().allValues("Set-Cookie").stream().map(c -> c.split(";")[0])
        .filter(c -> c.startsWith("JSESSIONID=") || c.startsWith("SESSION=")).findFirst()
        .orElseThrow(() -> new IllegalStateException(username + " could not sign in: " + login.statusCode()));
  }

  /** The body of a 200 answer; anything else stops the benchmark (a figure of an error page is no figure). */
  String get(String path) throws Exception {
    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + path)).header("Cookie", cookie)
        .header("Accept-Language", "en").build(), HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 200) throw new IllegalStateException(path + " -> " + r.statusCode() + " " + r.body());
    return r.body();
  }
}
