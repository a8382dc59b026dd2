package io.scrapestream.ingest.parse;

import java.io.IOException;

/**
 * A protobuf body that decodes but breaks a rule of the format (a bad name, a duplicate label, a
 * wrong wire type). An {@link IOException} so that it travels with protobuf-java's own decoding
 * errors to the one place that turns both into an {@link ExpositionParseException}.
 */
final class ProtoFormatException extends IOException {

  private static final long serialVersionUID = 1L;

  /** Where the problem is, from the start of the body; -1 for "where the decoder stands". */
  final long byteOffset;

  ProtoFormatException(String detail) {
    this(detail, -1);
  }

  ProtoFormatException(String detail, long byteOffset) {
    super(detail);
    this.byteOffset = byteOffset;
  }
}
