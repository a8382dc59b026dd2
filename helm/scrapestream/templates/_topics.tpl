{{/* The topics Job and its config, as named templates so that tests can render these hooks
     (helm template through helm-java prints the release manifest, which leaves hooks out). */}}

{{/* The Job's own config: it runs before the release's regular resources exist, so its config is
     a hook too, with the Job's weight; Helm creates a ConfigMap before a Job of equal weight. */}}
{{- define "scrapestream.topicsConfigMap" -}}
apiVersion: v1
kind: ConfigMap
metadata:
  name: {{ include "scrapestream.componentName" (list $ "topics") }}
  labels:
    {{- include "scrapestream.labels" (list $ "topics") | nindent 4 }}
  annotations:
    helm.sh/hook: pre-install,pre-upgrade
    helm.sh/hook-weight: {{ .Values.topics.hookWeight | quote }}
    helm.sh/hook-delete-policy: before-hook-creation
data:
  config.yaml: |
    {{- include "scrapestream.config" . | nindent 4 }}
{{- end -}}

{{/* Creates the topics (idempotent) before any workload starts: a pre-install/pre-upgrade hook
     with the lowest weight of the chart. */}}
{{- define "scrapestream.topicsJob" -}}
{{- $name := include "scrapestream.componentName" (list $ "topics") -}}
apiVersion: batch/v1
kind: Job
metadata:
  name: {{ $name }}
  labels:
    {{- include "scrapestream.labels" (list $ "topics") | nindent 4 }}
  annotations:
    helm.sh/hook: pre-install,pre-upgrade
    helm.sh/hook-weight: {{ .Values.topics.hookWeight | quote }}
    helm.sh/hook-delete-policy: before-hook-creation,hook-succeeded
spec:
  backoffLimit: {{ .Values.topics.backoffLimit }}
  activeDeadlineSeconds: {{ .Values.topics.activeDeadlineSeconds }}
  template:
    metadata:
      labels:
        {{- include "scrapestream.labels" (list $ "topics") | nindent 8 }}
    spec:
      restartPolicy: Never
      automountServiceAccountToken: false
      securityContext:
        {{- include "scrapestream.podSecurityContext" . | nindent 8 }}
      {{- with .Values.imagePullSecrets }}
      imagePullSecrets:
        {{- range . }}
        - name: {{ . }}
        {{- end }}
      {{- end }}
      {{- with .Values.pods.nodeSelector }}
      nodeSelector:
        {{- toYaml . | nindent 8 }}
      {{- end }}
      {{- with .Values.pods.tolerations }}
      tolerations:
        {{- toYaml . | nindent 8 }}
      {{- end }}
      containers:
        - name: topics
          image: {{ include "scrapestream.image" . }}
          imagePullPolicy: {{ .Values.image.pullPolicy }}
          args:
            - topics
            - apply
            - --config
            - /etc/scrapestream/config.yaml
            - --partitions
            - {{ .Values.topics.partitions | quote }}
            - --replication-factor
            - {{ .Values.topics.replicationFactor | quote }}
          env:
            {{- include "scrapestream.env" (list $ "") | nindent 12 }}
          resources:
            {{- toYaml .Values.topics.resources | nindent 12 }}
          securityContext:
            {{- include "scrapestream.containerSecurityContext" . | nindent 12 }}
          volumeMounts:
            - name: config
              mountPath: /etc/scrapestream
              readOnly: true
            - name: tmp
              mountPath: /tmp
            {{- include "scrapestream.kafka.volumeMounts" . | nindent 12 }}
      volumes:
        - name: config
          configMap:
            name: {{ $name }}
        - name: tmp
          emptyDir:
            sizeLimit: {{ .Values.pods.tmpSizeLimit }}
        {{- include "scrapestream.kafka.volumes" . | nindent 8 }}
{{- end -}}
