package io.scrapestream.sink.otlp;

import io.opentelemetry.proto.common.v1.KeyValue;
import io.scrapestream.schemas.v1.Attribute;
import io.scrapestream.schemas.v1.Label;
import io.scrapestream.schemas.v1.ScrapeBatch;
import io.scrapestream.schemas.v1.Target;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The OTLP resource of a scraped target, as the OpenTelemetry compatibility specification asks:
 * {@code service.name} is the job, {@code service.instance.id} the instance, {@code
 * server.address}, {@code server.port} and {@code url.scheme} come from the scrape URL; then the
 * batch's resource attributes and the labels of its {@code target_info} series. An attribute
 * already set is never overridden by a later source.
 *
 * @param attributes the resource attributes in that order
 * @param job the job, whose {@code job} label data points then leave out
 * @param instance the instance, whose {@code instance} label data points then leave out
 */
record OtlpResource(List<KeyValue> attributes, String job, String instance) {
  static final String TARGET_INFO = "target_info";

  OtlpResource {
    attributes = List.copyOf(attributes);
  }

  static OtlpResource of(ScrapeBatch batch, List<Map<String, String>> targetInfoLabels) {
    Target target = batch.getTarget();
    String job = targetLabel(target, "job").orElse(target.getJob());
    Optional<URI> url = scrapeUrl(target.getScrapeUrl());
    String instance =
        targetLabel(target, "instance").orElseGet(() -> url.map(OtlpResource::hostPort).orElse(""));
    Map<String, KeyValue> attributes = new LinkedHashMap<>();
    putString(attributes, "service.name", job);
    putString(attributes, "service.instance.id", instance);
    url.ifPresent(u -> putUrl(attributes, u));
    for (Attribute attribute : batch.getResourceAttributesList()) {
      putString(attributes, attribute.getKey(), attribute.getValue());
    }
    for (Map<String, String> labels : targetInfoLabels) {
      labels.forEach(
          (name, value) -> {
            if (!name.equals("__name__") && !name.equals("job") && !name.equals("instance")) {
              putString(attributes, name, value);
            }
          });
    }
    return new OtlpResource(List.copyOf(attributes.values()), job, instance);
  }

  private static void putUrl(Map<String, KeyValue> attributes, URI url) {
    putString(attributes, "server.address", url.getHost());
    attributes.putIfAbsent("server.port", KeyValues.integer("server.port", port(url)));
    putString(attributes, "url.scheme", url.getScheme().toLowerCase(Locale.ROOT));
  }

  private static void putString(Map<String, KeyValue> attributes, String key, String value) {
    if (!key.isEmpty() && !value.isEmpty()) {
      attributes.putIfAbsent(key, KeyValues.string(key, value));
    }
  }

  private static Optional<String> targetLabel(Target target, String name) {
    return target.getLabelsList().stream()
        .filter(label -> label.getName().equals(name) && !label.getValue().isEmpty())
        .map(Label::getValue)
        .findFirst();
  }

  /** The scrape URL when it is an absolute http(s) URL with a host; anything else is ignored. */
  private static Optional<URI> scrapeUrl(String text) {
    try {
      URI url = new URI(text);
      String scheme = url.getScheme();
      boolean http = "http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme);
      return http && url.getHost() != null ? Optional.of(url) : Optional.empty();
    } catch (URISyntaxException e) {
      return Optional.empty();
    }
  }

  private static int port(URI url) {
    if (url.getPort() >= 0) {
      return url.getPort();
    }
    return "https".equalsIgnoreCase(url.getScheme()) ? 443 : 80;
  }

  private static String hostPort(URI url) {
    return url.getHost() + ":" + port(url);
  }
}
