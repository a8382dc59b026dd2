package io.scrapestream.sink.remotewrite;

import io.scrapestream.schemas.v1.ScrapeBatch;
import io.scrapestream.sink.series.FlatBatch;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The remote write 1.0 request bodies of one exporter, for any number of threads at once: written
 * by a {@link WriteRequestWriter} taken from a pool (one per thread exporting at the same time, its
 * buffers kept between requests), else — batches with native histograms or exemplars — by {@link
 * WriteRequestConverter}.
 */
final class V1Bodies {
  private final Queue<WriteRequestWriter> idle = new ConcurrentLinkedQueue<>();

  /**
   * The body of the batches' request.
   *
   * @throws io.scrapestream.sink.series.InvalidBatchException when a batch breaks its record
   *     contract
   */
  WriteRequestWriter.Body body(
      List<FlatBatch> batches, boolean withMetadata, boolean withNativeHistograms) {
    WriteRequestWriter writer = Optional.ofNullable(idle.poll()).orElseGet(WriteRequestWriter::new);
    Optional<WriteRequestWriter.Body> written;
    try {
      written = writer.write(batches, withMetadata);
    } finally {
      idle.offer(writer);
    }
    return written.orElseGet(
        () -> converted(FlatBatch.messages(batches), withMetadata, withNativeHistograms));
  }

  private static WriteRequestWriter.Body converted(
      List<ScrapeBatch> batches, boolean withMetadata, boolean withNativeHistograms) {
    WriteRequestConverter.Encoded encoded =
        WriteRequestConverter.encode(batches, withMetadata, withNativeHistograms);
    byte[] protobuf = encoded.protobuf();
    return new WriteRequestWriter.Body(
        protobuf.length == 0 ? protobuf : RemoteWriteProtocol.compress(protobuf),
        protobuf.length,
        encoded.samples());
  }
}
