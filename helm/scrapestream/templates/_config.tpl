{{/* The Scrapestream configuration file every role reads, rendered from the values with the keys
     of core.config's ConfigLoader. Secrets are never inlined: they are files mounted from
     existing Secrets (*_file keys) or ${env:VAR} references to env from secretKeyRef. */}}
{{- define "scrapestream.config" -}}
{{- $v := .Values -}}
{{- $kafka := dict "bootstrap_servers" $v.kafka.bootstrapServers "topic_prefix" $v.kafka.topicPrefix "security_protocol" $v.kafka.securityProtocol -}}
{{- with $v.kafka.clientProperties }}
{{- $_ := set $kafka "client_properties" . -}}
{{- end }}
{{- if include "scrapestream.kafka.usesSasl" . }}
{{- $username := required "kafka.sasl.username is required with a SASL security protocol" $v.kafka.sasl.username -}}
{{- $_ := set $kafka "sasl" (dict "mechanism" $v.kafka.sasl.mechanism "username" $username "password_file" "/etc/scrapestream/kafka/sasl/password") -}}
{{- end }}
{{- if include "scrapestream.kafka.usesTls" . }}
{{- $tls := dict "insecure_skip_verify" $v.kafka.tls.insecureSkipVerify -}}
{{- if $v.kafka.tls.existingSecret }}
{{- $_ := set $tls "ca_file" "/etc/scrapestream/kafka/ca/ca.crt" -}}
{{- end }}
{{- if $v.kafka.tls.clientCertificate.existingSecret }}
{{- $_ := set $tls "cert_file" "/etc/scrapestream/kafka/client/tls.crt" -}}
{{- $_ := set $tls "key_file" "/etc/scrapestream/kafka/client/tls.key" -}}
{{- end }}
{{- $_ := set $kafka "tls" $tls -}}
{{- end }}
{{- $scrapers := list -}}
{{- range $i, $_ := until (int $v.scraper.replicas) }}
{{- $scrapers = append $scrapers (printf "%s-%d" (include "scrapestream.componentName" (list $ "scraper")) $i) -}}
{{- end }}
{{- $allocatorUrl := printf "http://%s.%s.svc:%d" (include "scrapestream.componentName" (list $ "allocator")) .Release.Namespace (int $v.allocator.port) -}}
{{- $allocator := dict "listen_address" (printf "0.0.0.0:%d" (int $v.allocator.port)) "strategy" $v.allocator.strategy "refresh_interval" $v.allocator.refreshInterval "scrapers" $scrapers -}}
{{- $backends := list -}}
{{- range $v.backends }}
{{- $backend := merge (dict "name" .name) (deepCopy .exporter) -}}
{{- with .batch }}
{{- $_ := set $backend "batch" . -}}
{{- end }}
{{- $backends = append $backends $backend -}}
{{- end }}
{{- $config := dict
  "global" $v.scrape.global
  "scrape_configs" $v.scrape.scrapeConfigs
  "kafka" $kafka
  "scraper" (dict "id" "${env:SCRAPESTREAM_SCRAPER_ID}" "allocator" (dict "url" $allocatorUrl))
  "enrich" (dict "application_id" $v.enrich.applicationId "processing_guarantee" $v.enrich.processingGuarantee)
  "telemetry" (dict "listen_address" (printf "0.0.0.0:%d" (int $v.telemetry.port)))
  "allocator" $allocator
  "backends" $backends -}}
{{- toYaml $config -}}
{{- end -}}
