package io.scrapestream.sink.elasticsearch;

import io.scrapestream.schemas.v1.ScrapeBatch;
import io.scrapestream.sink.DropReason;
import io.scrapestream.sink.ExportOutcome;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The progress of one export across its attempts: the documents not yet acknowledged, how many were
 * created or already there, and the batches refused for good. An attempt of the same batches sends
 * only what is left.
 */
final class PendingBulk {
  private final List<ScrapeBatch> batches;
  private final Map<DropReason, Long> dropped;
  private final SortedMap<Integer, String> rejected = new TreeMap<>();
  private List<BulkDocuments.Document> remaining;
  private long created;
  private long duplicates;
  private int firstRetryableStatus;

  PendingBulk(List<ScrapeBatch> batches, BulkDocuments.Encoded encoded) {
    this.batches = List.copyOf(batches);
    this.remaining = encoded.documents();
    this.dropped = encoded.dropped();
  }

  /** Whether {@code others} are the very batches (the same objects, in order) of this export. */
  boolean isFor(List<ScrapeBatch> others) {
    if (others.size() != batches.size()) {
      return false;
    }
    for (int i = 0; i < batches.size(); i++) {
      if (others.get(i) != batches.get(i)) {
        return false;
      }
    }
    return true;
  }

  List<BulkDocuments.Document> remaining() {
    return remaining;
  }

  Map<DropReason, Long> dropped() {
    return dropped;
  }

  long duplicates() {
    return duplicates;
  }

  /**
   * Applies the items of a response to the documents sent, in order; the retryable ones remain.
   *
   * @return the first retryable item's error, or empty when none remains
   */
  String apply(List<BulkDocuments.Document> sent, List<BulkResponses.Item> items) {
    List<BulkDocuments.Document> retry = new ArrayList<>();
    String firstRetryable = "";
    firstRetryableStatus = ExportOutcome.Retryable.NO_RESPONSE;
    for (int i = 0; i < sent.size(); i++) {
      BulkResponses.Item item = items.get(i);
      switch (item.outcome()) {
        case CREATED -> created++;
        case DUPLICATE -> duplicates++;
        case REJECTED -> rejected.putIfAbsent(sent.get(i).batchIndex(), describe(item));
        case RETRYABLE -> {
          retry.add(sent.get(i));
          if (firstRetryable.isEmpty()) {
            firstRetryable = describe(item);
            firstRetryableStatus =
                item.status() <= 599 ? item.status() : ExportOutcome.Retryable.NO_RESPONSE;
          }
        }
      }
    }
    remaining = List.copyOf(retry);
    return firstRetryable;
  }

  /** The HTTP status of the first retryable item of the last response; 0 when none was. */
  int firstRetryableStatus() {
    return firstRetryableStatus;
  }

  /** The outcome once nothing remains: success, or the batches to dead-letter. */
  ExportOutcome finished() {
    long acknowledged = created + duplicates;
    return rejected.isEmpty()
        ? new ExportOutcome.Success(acknowledged)
        : new ExportOutcome.PartiallyRejected(acknowledged, rejected);
  }

  private static String describe(BulkResponses.Item item) {
    String error =
        item.error().length() > BulkResponses.MAX_BODY_CHARS
            ? item.error().substring(0, BulkResponses.MAX_BODY_CHARS) + "..."
            : item.error();
    return "document refused with status " + item.status() + (error.isEmpty() ? "" : ": " + error);
  }
}
