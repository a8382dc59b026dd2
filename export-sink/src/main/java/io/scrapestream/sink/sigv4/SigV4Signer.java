package io.scrapestream.sink.sigv4;

import io.scrapestream.sink.RequestSigner;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.IdentityProvider;
import software.amazon.awssdk.utils.SdkAutoCloseable;

/**
 * Signs requests with AWS Signature Version 4 through the AWS SDK v2 signer ({@link
 * AwsV4HttpSigner}): the body is hashed into {@code x-amz-content-sha256}, and {@code X-Amz-Date},
 * {@code X-Amz-Security-Token} (temporary credentials) and {@code Authorization} are added. The
 * credentials are asked for on every signature; the SDK's providers cache and refresh them.
 */
public final class SigV4Signer implements RequestSigner {
  private static final AwsV4HttpSigner SIGNER = AwsV4HttpSigner.create();

  private final IdentityProvider<? extends AwsCredentialsIdentity> credentials;
  private final Scope scope;
  private final Clock clock;

  /**
   * Where a signature is valid.
   *
   * @param region the signing region, e.g. {@code us-east-1}
   * @param serviceName the signing name, {@code aps} for Amazon Managed Service for Prometheus
   */
  public record Scope(String region, String serviceName) {
    public Scope {
      if (region == null || region.isBlank()) {
        throw new IllegalArgumentException("region: must not be blank. Found: " + region);
      }
      if (serviceName == null || serviceName.isBlank()) {
        throw new IllegalArgumentException("serviceName: must not be blank. Found: " + serviceName);
      }
    }
  }

  /**
   * @param clock gives {@code X-Amz-Date}: the time of signing
   */
  public SigV4Signer(
      IdentityProvider<? extends AwsCredentialsIdentity> credentials, Scope scope, Clock clock) {
    this.credentials = Objects.requireNonNull(credentials, "credentials");
    this.scope = Objects.requireNonNull(scope, "scope");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public Map<String, String> sign(Request request) {
    AwsCredentialsIdentity identity = resolveCredentials();
    SdkHttpRequest.Builder http =
        SdkHttpRequest.builder()
            .method(SdkHttpMethod.fromValue(request.method()))
            .uri(request.uri());
    request.headers().forEach(http::putHeader);
    byte[] body = request.body();
    SignedRequest signed =
        SIGNER.sign(
            r ->
                r.request(http.build())
                    .identity(identity)
                    .payload(ContentStreamProvider.fromByteArrayUnsafe(body))
                    .putProperty(AwsV4HttpSigner.REGION_NAME, scope.region())
                    .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, scope.serviceName())
                    .putProperty(AwsV4HttpSigner.SIGNING_CLOCK, clock));
    return added(request.headers(), signed.request());
  }

  @Override
  public void close() {
    if (credentials instanceof SdkAutoCloseable closeable) {
      closeable.close();
    }
  }

  @Override
  public String toString() {
    return "SigV4Signer[region=" + scope.region() + ", service=" + scope.serviceName() + "]";
  }

  private AwsCredentialsIdentity resolveCredentials() {
    try {
      return credentials.resolveIdentity().join();
    } catch (RuntimeException e) {
      throw new SigningException("no AWS credentials: " + firstMessage(e), e);
    }
  }

  /** The headers the signer added, without {@code Host} (the HTTP client sets the same value). */
  private static Map<String, String> added(Map<String, String> sent, SdkHttpRequest signed) {
    Map<String, String> before = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    before.putAll(sent);
    Map<String, String> added = new LinkedHashMap<>();
    signed.forEachHeader(
        (name, values) -> {
          if (!name.equalsIgnoreCase("Host") && !before.containsKey(name)) {
            added.put(name, String.join(",", values));
          }
        });
    return added;
  }

  private static String firstMessage(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t.getMessage() != null && !(t instanceof java.util.concurrent.CompletionException)) {
        return t.getMessage();
      }
    }
    return e.getClass().getSimpleName();
  }
}
