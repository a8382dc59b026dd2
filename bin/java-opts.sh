# JVM options per role, for the launcher (./scrapestream) and the benchmarks (bench/): sourced, not
# run. Used when SCRAPESTREAM_JAVA_OPTS is not set (set, even empty, it replaces them).
# - ingest: the Parallel collector and a heap sized for the scraper, chosen by measurement
#   (bench/README.md, "JVM flags"); raise -Xmx for many targets (live heap grows ~0.65 MB per target).
# - enrich, sink: the same collector; heaps capped so that a default JVM (a quarter of the machine's
#   memory) does not grow to gigabytes under a high allocation rate. The sink's memory is bounded by
#   delivery.max_pending_samples (the fault suite runs it at -Xmx256m against a slow backend).
# Other roles (standalone, allocator, tools): the JVM's defaults.
role_java_opts() {
  case "${1:-}" in
    ingest) echo "-XX:+UseParallelGC -Xms128m -Xmx1g" ;;
    enrich) echo "-XX:+UseParallelGC -Xms128m -Xmx1g" ;;
    sink) echo "-XX:+UseParallelGC -Xms128m -Xmx512m" ;;
    *) echo "" ;;
  esac
}
