package io.scrapestream.enrich.batch;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.CodedOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Writes a batch whose every series gets extra labels: each series message is rebuilt with its
 * merged label references, the rest of it (value, timestamp, histogram, exemplars) copied as bytes;
 * every other field of the batch is copied as bytes too.
 */
final class SeriesRewriter {
  private SeriesRewriter() {}

  static byte[] encode(IndexedBatch batch) {
    LabelMerger merger = new LabelMerger(batch);
    BatchIndex index = batch.index();
    byte[] bytes = batch.bytes();
    int[][] refs = new int[index.seriesCount][];
    int[][] rest = new int[index.seriesCount][];
    int[] bodies = new int[index.seriesCount];
    int size = bytes.length + BatchEncoder.appendixSize(batch, merger);
    for (int s = 0; s < index.seriesCount; s++) {
      refs[s] = merger.merged(s);
      rest[s] = restRanges(bytes, index.seriesOffsets[s], index.seriesLengths[s]);
      bodies[s] = BatchEncoder.refsFieldSize(refs[s]) + rangesLength(rest[s]);
      size +=
          BatchEncoder.lengthPrefixed(bodies[s])
              - BatchEncoder.lengthPrefixed(index.seriesLengths[s]);
    }
    byte[] out = new byte[size];
    CodedOutputStream stream = CodedOutputStream.newInstance(out);
    try {
      copyRewriting(bytes, new Rewrites(refs, rest, bodies), stream);
    } catch (IOException e) {
      throw new UncheckedIOException("batch changed after it was scanned", e);
    }
    BatchEncoder.writeAppendix(batch, merger, stream);
    stream.checkNoSpaceLeft();
    return out;
  }

  private record Rewrites(int[][] refs, int[][] rest, int[] bodies) {}

  private static void copyRewriting(byte[] bytes, Rewrites rewrites, CodedOutputStream out)
      throws IOException {
    CodedInputStream in = CodedInputStream.newInstance(bytes);
    int series = 0;
    int start = 0;
    for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
      if (tag == BatchScanner.SERIES) {
        in.skipField(tag);
        out.writeTag(4, 2);
        out.writeUInt32NoTag(rewrites.bodies()[series]);
        BatchEncoder.writeRefs(rewrites.refs()[series], out);
        int[] rest = rewrites.rest()[series++];
        for (int r = 0; r < rest.length; r += 2) {
          out.writeRawBytes(bytes, rest[r], rest[r + 1]);
        }
      } else {
        in.skipField(tag);
        out.writeRawBytes(bytes, start, in.getTotalBytesRead() - start);
      }
      start = in.getTotalBytesRead();
    }
  }

  /** The (offset, length) pairs of a series' fields other than its label references. */
  private static int[] restRanges(byte[] bytes, int offset, int length) {
    try {
      CodedInputStream in = CodedInputStream.newInstance(bytes, offset, length);
      int[] ranges = new int[8];
      int count = 0;
      int start = 0;
      for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
        in.skipField(tag);
        int end = in.getTotalBytesRead();
        boolean refs = tag == BatchScanner.LABEL_REFS_PACKED || tag == BatchScanner.LABEL_REF;
        if (!refs) {
          if (count + 2 > ranges.length) {
            ranges = java.util.Arrays.copyOf(ranges, ranges.length * 2);
          }
          ranges[count++] = offset + start;
          ranges[count++] = end - start;
        }
        start = end;
      }
      return java.util.Arrays.copyOf(ranges, count);
    } catch (IOException e) {
      throw new UncheckedIOException("series changed after it was scanned", e);
    }
  }

  private static int rangesLength(int[] ranges) {
    int length = 0;
    for (int r = 1; r < ranges.length; r += 2) {
      length += ranges[r];
    }
    return length;
  }
}
