package io.scrapestream.ingest.scrape;

/** The limit a failed scrape exceeded; {@link #label()} is its self-metric label value. */
public enum ScrapeLimitKind {
  BODY_SIZE("body_size"),
  SAMPLE("sample"),
  LABEL("label"),
  LABEL_NAME_LENGTH("label_name_length"),
  LABEL_VALUE_LENGTH("label_value_length"),
  /** {@code target_limit}: the job has more targets on this scraper than the limit. */
  TARGET("target");

  private final String label;

  ScrapeLimitKind(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
