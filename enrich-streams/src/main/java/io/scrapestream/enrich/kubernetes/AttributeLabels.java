package io.scrapestream.enrich.kubernetes;

/**
 * Label names for resource attributes, as Prometheus's OTLP translation makes them: every character
 * other than {@code [a-zA-Z0-9_]} becomes {@code _}, and a name starting with a digit gets {@code
 * key_} in front ({@code k8s.pod.name} becomes {@code k8s_pod_name}).
 */
public final class AttributeLabels {
  private AttributeLabels() {}

  public static String labelName(String attributeKey) {
    StringBuilder name = new StringBuilder(attributeKey.length() + 4);
    if (!attributeKey.isEmpty() && Character.isDigit(attributeKey.charAt(0))) {
      name.append("key_");
    }
    for (int i = 0; i < attributeKey.length(); i++) {
      char c = attributeKey.charAt(i);
      boolean valid =
          (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
      name.append(valid ? c : '_');
    }
    return name.toString();
  }
}
