{{/* Names ---------------------------------------------------------------------------------- */}}

{{- define "scrapestream.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "scrapestream.fullname" -}}
{{- if .Values.fullnameOverride -}}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- $name := default .Chart.Name .Values.nameOverride -}}
{{- if contains $name .Release.Name -}}
{{- .Release.Name | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}
{{- end -}}

{{/* The name of a component's resources: <fullname>-<component>. Call with (list $ "component"). */}}
{{- define "scrapestream.componentName" -}}
{{- $ctx := index . 0 -}}
{{- printf "%s-%s" (include "scrapestream.fullname" $ctx) (index . 1) | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "scrapestream.configMapName" -}}
{{- printf "%s-config" (include "scrapestream.fullname" .) | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/* Labels --------------------------------------------------------------------------------- */}}

{{/* Selector labels of a component. Call with (list $ "component"). */}}
{{- define "scrapestream.selectorLabels" -}}
{{- $ctx := index . 0 -}}
app.kubernetes.io/name: {{ include "scrapestream.name" $ctx }}
app.kubernetes.io/instance: {{ $ctx.Release.Name }}
app.kubernetes.io/component: {{ index . 1 }}
{{- end -}}

{{/* All labels of a component's resources. Call with (list $ "component"). */}}
{{- define "scrapestream.labels" -}}
{{- $ctx := index . 0 -}}
{{ include "scrapestream.selectorLabels" . }}
helm.sh/chart: {{ printf "%s-%s" $ctx.Chart.Name $ctx.Chart.Version | replace "+" "_" }}
app.kubernetes.io/version: {{ $ctx.Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ $ctx.Release.Service }}
app.kubernetes.io/part-of: scrapestream
{{- with $ctx.Values.commonLabels }}
{{ toYaml . }}
{{- end }}
{{- end -}}

{{/* Image: repository[:tag]@digest; the digest is required. */}}
{{- define "scrapestream.image" -}}
{{- $digest := required "image.digest is required: pin the image by digest (sha256:...)" .Values.image.digest -}}
{{- if .Values.image.tag -}}
{{- printf "%s:%s@%s" .Values.image.repository .Values.image.tag $digest -}}
{{- else -}}
{{- printf "%s@%s" .Values.image.repository $digest -}}
{{- end -}}
{{- end -}}

{{/* Kafka secrets ---------------------------------------------------------------------------- */}}

{{- define "scrapestream.kafka.usesSasl" -}}
{{- if hasPrefix "SASL_" .Values.kafka.securityProtocol }}true{{ end -}}
{{- end -}}

{{- define "scrapestream.kafka.usesTls" -}}
{{- if has .Values.kafka.securityProtocol (list "SSL" "SASL_SSL") }}true{{ end -}}
{{- end -}}

{{/* Volumes holding the Kafka credentials that the config reads as files. */}}
{{- define "scrapestream.kafka.volumes" -}}
{{- if include "scrapestream.kafka.usesSasl" . }}
- name: kafka-sasl
  secret:
    secretName: {{ required "kafka.sasl.existingSecret is required with a SASL security protocol" .Values.kafka.sasl.existingSecret }}
    items:
      - key: {{ .Values.kafka.sasl.passwordKey }}
        path: password
{{- end }}
{{- if include "scrapestream.kafka.usesTls" . }}
{{- with .Values.kafka.tls.existingSecret }}
- name: kafka-ca
  secret:
    secretName: {{ . }}
    items:
      - key: {{ $.Values.kafka.tls.caKey }}
        path: ca.crt
{{- end }}
{{- with .Values.kafka.tls.clientCertificate.existingSecret }}
- name: kafka-client-certificate
  secret:
    secretName: {{ . }}
    items:
      - key: {{ $.Values.kafka.tls.clientCertificate.certKey }}
        path: tls.crt
      - key: {{ $.Values.kafka.tls.clientCertificate.keyKey }}
        path: tls.key
{{- end }}
{{- end }}
{{- end -}}

{{- define "scrapestream.kafka.volumeMounts" -}}
{{- if include "scrapestream.kafka.usesSasl" . }}
- name: kafka-sasl
  mountPath: /etc/scrapestream/kafka/sasl
  readOnly: true
{{- end }}
{{- if include "scrapestream.kafka.usesTls" . }}
{{- if .Values.kafka.tls.existingSecret }}
- name: kafka-ca
  mountPath: /etc/scrapestream/kafka/ca
  readOnly: true
{{- end }}
{{- if .Values.kafka.tls.clientCertificate.existingSecret }}
- name: kafka-client-certificate
  mountPath: /etc/scrapestream/kafka/client
  readOnly: true
{{- end }}
{{- end }}
{{- end -}}

{{/* Security contexts -------------------------------------------------------------------------- */}}

{{- define "scrapestream.podSecurityContext" -}}
runAsNonRoot: true
runAsUser: {{ .Values.pods.runAsUser }}
runAsGroup: {{ .Values.pods.runAsUser }}
fsGroup: {{ .Values.pods.runAsUser }}
seccompProfile:
  type: RuntimeDefault
{{- end -}}

{{- define "scrapestream.containerSecurityContext" -}}
runAsNonRoot: true
runAsUser: {{ .Values.pods.runAsUser }}
runAsGroup: {{ .Values.pods.runAsUser }}
allowPrivilegeEscalation: false
readOnlyRootFilesystem: true
privileged: false
capabilities:
  drop: [ALL]
seccompProfile:
  type: RuntimeDefault
{{- end -}}

{{- define "scrapestream.probes" -}}
{{- $p := .Values.pods.probes -}}
livenessProbe:
  httpGet: {path: /healthz, port: telemetry}
  initialDelaySeconds: {{ $p.initialDelaySeconds }}
  periodSeconds: {{ $p.periodSeconds }}
  timeoutSeconds: {{ $p.timeoutSeconds }}
  failureThreshold: {{ $p.failureThreshold }}
readinessProbe:
  httpGet: {path: /readyz, port: telemetry}
  initialDelaySeconds: {{ $p.initialDelaySeconds }}
  periodSeconds: {{ $p.periodSeconds }}
  timeoutSeconds: {{ $p.timeoutSeconds }}
  failureThreshold: {{ $p.failureThreshold }}
{{- end -}}

{{/* Environment every Scrapestream container has. Call with (list $ "javaOpts"). */}}
{{- define "scrapestream.env" -}}
{{- $ctx := index . 0 -}}
- name: SCRAPESTREAM_SCRAPER_ID
  valueFrom:
    fieldRef:
      fieldPath: metadata.name
- name: SCRAPESTREAM_LOG_FILE
  value: /dev/stdout
- name: JAVA_OPTS
  value: {{ index . 1 | default "" | quote }}
{{- end -}}

{{/* The pod spec shared by every role: config, /tmp, Kafka secrets, security, probes.
     Call with (dict "ctx" $ "component" "x" "role" .Values.x "args" (list ...)
     "serviceAccount" "name" "javaOpts" "" "resources" (dict) and optional "extraVolumes",
     "extraMounts", "extraEnv", "ports" (lists) and "automountToken" (bool)). */}}
{{- define "scrapestream.podSpec" -}}
{{- $ctx := .ctx -}}
{{- $role := .role -}}
serviceAccountName: {{ .serviceAccount }}
automountServiceAccountToken: {{ .automountToken | default false }}
securityContext:
  {{- include "scrapestream.podSecurityContext" $ctx | nindent 2 }}
terminationGracePeriodSeconds: {{ $ctx.Values.pods.terminationGracePeriodSeconds }}
{{- with $ctx.Values.imagePullSecrets }}
imagePullSecrets:
  {{- range . }}
  - name: {{ . }}
  {{- end }}
{{- end }}
{{- with $ctx.Values.pods.priorityClassName }}
priorityClassName: {{ . }}
{{- end }}
{{- with $ctx.Values.pods.nodeSelector }}
nodeSelector:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- with $ctx.Values.pods.tolerations }}
tolerations:
  {{- toYaml . | nindent 2 }}
{{- end }}
affinity:
  {{- include "scrapestream.affinity" (list $ctx .component $role.affinity) | nindent 2 }}
containers:
  - name: {{ .component }}
    image: {{ include "scrapestream.image" $ctx }}
    imagePullPolicy: {{ $ctx.Values.image.pullPolicy }}
    args:
      {{- toYaml .args | nindent 6 }}
    env:
      {{- include "scrapestream.env" (list $ctx .javaOpts) | nindent 6 }}
      {{- with .extraEnv }}
      {{- toYaml . | nindent 6 }}
      {{- end }}
    ports:
      - name: telemetry
        containerPort: {{ $ctx.Values.telemetry.port }}
        protocol: TCP
      {{- with .ports }}
      {{- toYaml . | nindent 6 }}
      {{- end }}
    {{- include "scrapestream.probes" $ctx | nindent 4 }}
    resources:
      {{- toYaml .resources | nindent 6 }}
    securityContext:
      {{- include "scrapestream.containerSecurityContext" $ctx | nindent 6 }}
    volumeMounts:
      - name: config
        mountPath: /etc/scrapestream
        readOnly: true
      - name: tmp
        mountPath: /tmp
      {{- include "scrapestream.kafka.volumeMounts" $ctx | nindent 6 }}
      {{- with .extraMounts }}
      {{- toYaml . | nindent 6 }}
      {{- end }}
volumes:
  - name: config
    configMap:
      name: {{ include "scrapestream.configMapName" $ctx }}
  - name: tmp
    emptyDir:
      sizeLimit: {{ $ctx.Values.pods.tmpSizeLimit }}
  {{- include "scrapestream.kafka.volumes" $ctx | nindent 2 }}
  {{- with .extraVolumes }}
  {{- toYaml . | nindent 2 }}
  {{- end }}
{{- end -}}

{{/* Preferred spreading of a component's replicas over nodes, unless affinity is given. */}}
{{- define "scrapestream.affinity" -}}
{{- $ctx := index . 0 -}}
{{- $given := index . 2 -}}
{{- if $given -}}
{{- toYaml $given -}}
{{- else -}}
podAntiAffinity:
  preferredDuringSchedulingIgnoredDuringExecution:
    - weight: 100
      podAffinityTerm:
        topologyKey: kubernetes.io/hostname
        labelSelector:
          matchLabels:
            {{- include "scrapestream.selectorLabels" (list $ctx (index . 1)) | nindent 12 }}
{{- end -}}
{{- end -}}

{{/* The pod annotations of every workload: the config checksum restarts pods on a change. */}}
{{- define "scrapestream.podAnnotations" -}}
checksum/config: {{ include "scrapestream.config" . | sha256sum }}
{{- with .Values.pods.annotations }}
{{ toYaml . }}
{{- end }}
{{- end -}}

{{/* The topics Job runs unless Strimzi KafkaTopics replace it. A KafkaUser's Secret only exists
     after the hooks, so the Job cannot use it. */}}
{{- define "scrapestream.topicsJob.enabled" -}}
{{- if and .Values.strimzi.kafkaUser.enabled .Values.topics.enabled (not .Values.strimzi.kafkaTopics.enabled) -}}
{{- fail "strimzi.kafkaUser.enabled needs strimzi.kafkaTopics.enabled (or topics.enabled false): the topics Job runs before the KafkaUser's Secret exists" -}}
{{- end -}}
{{- if and .Values.topics.enabled (not .Values.strimzi.kafkaTopics.enabled) }}true{{ end -}}
{{- end -}}
