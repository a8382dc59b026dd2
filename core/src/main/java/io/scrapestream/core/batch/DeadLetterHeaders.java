package io.scrapestream.core.batch;

/**
 * Headers of a dead-letter record ({@code dlq.<stage>}): the original key and bytes, plus where it
 * came from and why it was rejected.
 */
public final class DeadLetterHeaders {
  public static final String STAGE = "ss-dlq-stage";

  /** The error class: {@code rejected} for records that can never be processed. */
  public static final String ERROR_CLASS = "ss-dlq-error-class";

  public static final String ERROR_MESSAGE = "ss-dlq-error-message";
  public static final String SOURCE_TOPIC = "ss-dlq-source-topic";
  public static final String SOURCE_PARTITION = "ss-dlq-source-partition";
  public static final String SOURCE_OFFSET = "ss-dlq-source-offset";

  private DeadLetterHeaders() {}
}
