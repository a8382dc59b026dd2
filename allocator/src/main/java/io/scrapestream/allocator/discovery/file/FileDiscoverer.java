package io.scrapestream.allocator.discovery.file;

import io.scrapestream.allocator.discovery.Discoverer;
import io.scrapestream.allocator.discovery.DiscoveryListener;
import io.scrapestream.allocator.discovery.PeriodicRefresh;
import io.scrapestream.allocator.discovery.Refresh;
import io.scrapestream.allocator.discovery.TargetGroup;
import io.scrapestream.allocator.discovery.TargetGroupListener;
import io.scrapestream.allocator.discovery.TargetGroupParser;
import io.scrapestream.core.config.FileSdConfig;
import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code file_sd_configs}, as Prometheus's file discovery: reads every file the patterns match when
 * a watched directory changes and every refresh interval; group {@code i} of a file has source
 * {@code <path>:<i>} and label {@code __meta_filepath}. A file that cannot be read or parsed keeps
 * its previous groups and counts an error; groups of files that disappeared or shrank are removed.
 */
public final class FileDiscoverer implements Discoverer {
  static final String MECHANISM = "file";
  private static final Logger LOG = LoggerFactory.getLogger(FileDiscoverer.class);

  private final FileSdConfig config;
  private final String job;
  private final DiscoveryListener listener;
  private final Set<Path> watchedDirs = new HashSet<>();
  private Map<String, Integer> lastCounts = new HashMap<>();
  private TargetGroupListener updates;
  private WatchService watcher;
  private PeriodicRefresh refresh;
  private Thread watchThread;

  public FileDiscoverer(String job, FileSdConfig config, DiscoveryListener listener) {
    this.job = job;
    this.config = config;
    this.listener = listener;
  }

  @Override
  public void start(TargetGroupListener updates) {
    this.updates = updates;
    try {
      watcher = FileSystems.getDefault().newWatchService();
    } catch (IOException e) {
      LOG.warn(
          "job {}: cannot watch files, reading them every {} only",
          job,
          config.refreshInterval(),
          e);
    }
    refresh = new PeriodicRefresh("file-sd-" + job, config.refreshInterval(), this::refresh);
    if (watcher != null) {
      watchThread = new Thread(this::watch, "file-sd-watch-" + job);
      watchThread.setDaemon(true);
      watchThread.start();
    }
  }

  synchronized void refresh() {
    Map<String, Integer> counts = new HashMap<>();
    List<TargetGroup> groups = new ArrayList<>();
    for (String file : FilePatterns.list(config.files())) {
      Refresh read = read(file);
      if (read instanceof Refresh.Succeeded ok) {
        groups.addAll(ok.groups());
        counts.put(file, ok.groups().size());
      } else {
        LOG.warn(
            "job {}: cannot read {}, keeping its previous targets: {}",
            job,
            file,
            ((Refresh.Failed) read).reason());
        listener.refreshed(MECHANISM, true);
        counts.put(file, lastCounts.getOrDefault(file, 0));
      }
    }
    lastCounts.forEach(
        (file, previous) -> {
          for (int i = counts.getOrDefault(file, 0); i < previous; i++) {
            groups.add(TargetGroup.empty(file + ":" + i));
          }
        });
    lastCounts = counts;
    watchDirectories();
    updates.groupsChanged(groups);
  }

  private static Refresh read(String file) {
    TargetGroupParser.Format format;
    String lower = file.toLowerCase(java.util.Locale.ROOT);
    if (lower.endsWith(".json")) {
      format = TargetGroupParser.Format.JSON;
    } else if (lower.endsWith(".yml") || lower.endsWith(".yaml")) {
      format = TargetGroupParser.Format.YAML;
    } else {
      return new Refresh.Failed("unsupported file extension");
    }
    try {
      byte[] body = Files.readAllBytes(Path.of(file));
      return TargetGroupParser.parse(body, format, file, Map.entry("__meta_filepath", file));
    } catch (IOException e) {
      return new Refresh.Failed(e.toString());
    }
  }

  private void watchDirectories() {
    if (watcher == null) {
      return;
    }
    for (Path dir : FilePatterns.directories(config.files())) {
      if (!watchedDirs.contains(dir) && Files.isDirectory(dir)) {
        try {
          dir.register(
              watcher,
              StandardWatchEventKinds.ENTRY_CREATE,
              StandardWatchEventKinds.ENTRY_MODIFY,
              StandardWatchEventKinds.ENTRY_DELETE);
          watchedDirs.add(dir);
        } catch (IOException | ClosedWatchServiceException e) {
          LOG.warn(
              "job {}: cannot watch {}, reading it every {} only",
              job,
              dir,
              config.refreshInterval(),
              e);
        }
      }
    }
  }

  private void watch() {
    try {
      while (true) {
        WatchKey key = watcher.take();
        key.pollEvents();
        key.reset();
        refresh.trigger();
      }
    } catch (ClosedWatchServiceException e) {
      LOG.debug("job {}: file watch closed", job);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    if (refresh != null) {
      refresh.close();
    }
    if (watcher != null) {
      try {
        watcher.close();
      } catch (IOException e) {
        LOG.warn("job {}: cannot close the file watch", job, e);
      }
    }
  }
}
