package io.scrapestream.ingest.publish;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.kafka.common.errors.NotLeaderOrFollowerException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.junit.jupiter.api.Test;

class PublishFailureTest {

  @Test
  void shouldClassifySendErrorsIntoTheThreeErrorClasses() {
    assertThat(PublishFailure.classify(new TimeoutException("expired")))
        .isEqualTo(PublishFailure.RETRYABLE);
    assertThat(PublishFailure.classify(new NotLeaderOrFollowerException("moved")))
        .isEqualTo(PublishFailure.RETRYABLE);
    assertThat(PublishFailure.classify(new RecordTooLargeException("big")))
        .isEqualTo(PublishFailure.REJECTED);
    assertThat(PublishFailure.classify(new TopicAuthorizationException("denied")))
        .isEqualTo(PublishFailure.FATAL);
    assertThat(PublishFailure.classify(new IllegalStateException("closed")))
        .isEqualTo(PublishFailure.FATAL);
  }
}
