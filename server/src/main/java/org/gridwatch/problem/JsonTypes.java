package org.gridwatch.problem;

import java.util.Collection;

/** Names a Java target type the way a JSON client thinks of it: "a number", "a string", "an array". */
final class JsonTypes {
  private JsonTypes() {}

  static String describe(Class<?> type) {
    if (type == String.class || type == Character.class || type.isEnum()) {
      return type.isEnum() ? "one of " + java.util.Arrays.toString(type.getEnumConstants()) : "a string";
    }
    if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != boolean.class)) return "a number";
    if (type == Boolean.class || type == boolean.class) return "true or false";
    if (type.isArray() || Collection.class.isAssignableFrom(type)) return "an array";
    if (java.time.temporal.Temporal.class.isAssignableFrom(type)) return "a date/time string";
    return "an object";
  }
}
