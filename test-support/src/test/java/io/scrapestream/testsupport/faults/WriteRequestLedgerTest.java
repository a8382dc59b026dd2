package io.scrapestream.testsupport.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scrapestream.schemas.prompb.Label;
import io.scrapestream.schemas.prompb.Sample;
import io.scrapestream.schemas.prompb.TimeSeries;
import io.scrapestream.schemas.prompb.WriteRequest;
import java.io.UncheckedIOException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.xerial.snappy.Snappy;

class WriteRequestLedgerTest {
  private static final double STALE = Double.longBitsToDouble(0x7ff0000000000002L);

  @Test
  void shouldCountSequenceSamplesAndSkipOthersWhenRecordingRequests() throws Exception {
    WriteRequestLedger ledger = new WriteRequestLedger(SampleKeyer.SEQUENCE);
    byte[] body =
        Snappy.compress(
            WriteRequest.newBuilder()
                .addTimeseries(series("seq", "s0", 1.0, 2.0, STALE))
                .addTimeseries(series("up", "s0", 1.0))
                .build()
                .toByteArray());

    assertThat(ledger.record(body)).isEqualTo(2);
    assertThat(ledger.record(body)).isEqualTo(2);

    assertThat(ledger.counts())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                SequenceTargets.key("127.0.0.1:9", "s0", 1), 2,
                SequenceTargets.key("127.0.0.1:9", "s0", 2), 2));
    assertThat(ledger.distinct()).isEqualTo(2);
    assertThat(ledger.stored()).isEqualTo(4);
    assertThat(ledger.contains(SequenceTargets.key("127.0.0.1:9", "s0", 2))).isTrue();
  }

  @Test
  void shouldNameTheSizeWhenBodyIsNotSnappy() {
    WriteRequestLedger ledger = new WriteRequestLedger(SampleKeyer.SEQUENCE);

    assertThatThrownBy(() -> ledger.record(new byte[] {1, 2, 3}))
        .isInstanceOf(UncheckedIOException.class)
        .hasMessage("expected a snappy-compressed WriteRequest. Found 3 bytes");
  }

  private static TimeSeries series(String name, String series, double... values) {
    TimeSeries.Builder builder =
        TimeSeries.newBuilder()
            .addLabels(Label.newBuilder().setName("__name__").setValue(name))
            .addLabels(Label.newBuilder().setName("instance").setValue("127.0.0.1:9"))
            .addLabels(Label.newBuilder().setName("series").setValue(series));
    long timestamp = 1000;
    for (double value : values) {
      builder.addSamples(Sample.newBuilder().setTimestamp(timestamp++).setValue(value));
    }
    return builder.build();
  }
}
