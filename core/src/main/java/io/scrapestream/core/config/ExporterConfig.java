package io.scrapestream.core.config;

/** How a backend receives samples: exactly one exporter block per backend. */
public sealed interface ExporterConfig
    permits RemoteWriteConfig, FileExporterConfig, OtlpConfig, ElasticsearchConfig {}
