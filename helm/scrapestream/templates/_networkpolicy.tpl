{{/* An ingress-only NetworkPolicy of one role: its telemetry port from monitoring.metricsFrom,
     plus extra rules. Call with (list $ "component" (list extra-ingress-rules)). */}}
{{- define "scrapestream.networkPolicy" -}}
{{- $ctx := index . 0 -}}
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: {{ include "scrapestream.componentName" (list $ctx (index . 1)) }}
  labels:
    {{- include "scrapestream.labels" (list $ctx (index . 1)) | nindent 4 }}
spec:
  podSelector:
    matchLabels:
      {{- include "scrapestream.selectorLabels" (list $ctx (index . 1)) | nindent 6 }}
  policyTypes: [Ingress]
  ingress:
    - ports:
        - port: telemetry
          protocol: TCP
      {{- with $ctx.Values.networkPolicy.metricsFrom }}
      from:
        {{- toYaml . | nindent 8 }}
      {{- end }}
    {{- with index . 2 }}
    {{- toYaml . | nindent 4 }}
    {{- end }}
{{- end -}}
