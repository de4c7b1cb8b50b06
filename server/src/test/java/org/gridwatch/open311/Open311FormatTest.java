package org.gridwatch.open311;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import tools.jackson.databind.json.JsonMapper;

/** GeoReport XML is well-formed whatever text a resident typed. */
class Open311FormatTest {
  @Test
  void charactersXmlCannotCarryAreDroppedAndMarkupEscaped() throws Exception {
    String typed = "a\u0000b\u0007c\u001Bd\uFFFEe\uD800f <g> & 'h' \"i\"\tj\nk \uD83D\uDE00 中文";
    String body = Open311Format.body(HttpStatus.OK, Open311Format.Kind.XML, JsonMapper.builder().build(), "service_requests",
        "request", List.of(Map.of("description", typed))).getBody();
    String read = Open311Contract.xml(body).getElementsByTagName("description").item(0).getTextContent();
    assertThat(read).isEqualTo("abcdef <g> & 'h' \"i\"\tj\nk \uD83D\uDE00 中文");
  }
}
