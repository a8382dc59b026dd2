package io.scrapestream.allocator.membership;

import java.util.Collection;
import java.util.Collections;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The scrapers listed in {@code allocator.scrapers}: always ready, never changing. Outside
 * Kubernetes a scraper's node is its id.
 */
public final class StaticMembership implements ScraperMembership {
  private final SortedSet<String> ids;

  public StaticMembership(Collection<String> ids) {
    this.ids = Collections.unmodifiableSortedSet(new TreeSet<>(ids));
  }

  @Override
  public SortedSet<String> ready() {
    return ids;
  }

  @Override
  public void onChange(Runnable listener) {
    // The list never changes.
  }
}
