package io.scrapestream.allocator.api;

import java.util.LinkedHashMap;
import java.util.Map;

/** The first value of each parameter of a raw query string, decoded. */
record Query(Map<String, String> first) {

  static Query parse(String rawQuery) {
    Map<String, String> values = new LinkedHashMap<>();
    if (rawQuery != null) {
      for (String pair : rawQuery.split("&")) {
        int equals = pair.indexOf('=');
        String name = QueryEscape.unescape(equals < 0 ? pair : pair.substring(0, equals));
        String value = equals < 0 ? "" : QueryEscape.unescape(pair.substring(equals + 1));
        if (name != null && value != null) {
          values.putIfAbsent(name, value);
        }
      }
    }
    return new Query(Map.copyOf(values));
  }

  String first(String name) {
    return first.get(name);
  }
}
