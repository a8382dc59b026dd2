package io.scrapestream.ingest.assign;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records every poll event, for assertions. */
final class RecordingAssignmentListener implements AssignmentListener {
  final List<Integer> polls = new CopyOnWriteArrayList<>();
  final List<PollFailure> failures = new CopyOnWriteArrayList<>();

  @Override
  public void polled(int targets) {
    polls.add(targets);
  }

  @Override
  public void failed(PollFailure reason) {
    failures.add(reason);
  }
}
