package io.scrapestream.core.config;

import java.util.Optional;

/** Reads a job's {@code basic_auth} and {@code authorization} (at most one of them). */
final class ScrapeAuthReader {
  private ScrapeAuthReader() {}

  static ScrapeAuth read(MappingReader job) {
    boolean basicSet = job.value("basic_auth").isPresent();
    boolean authorizationSet = job.value("authorization").isPresent();
    Optional<ScrapeAuth> basic = basicSet ? basic(job.mapping("basic_auth")) : Optional.empty();
    Optional<ScrapeAuth> authorization =
        authorizationSet ? authorization(job.mapping("authorization")) : Optional.empty();
    if (basicSet && authorizationSet) {
      job.problem("authorization", "must not be set together with basic_auth", "both");
      return ScrapeAuth.none();
    }
    return basic.or(() -> authorization).orElse(ScrapeAuth.none());
  }

  private static Optional<ScrapeAuth> basic(MappingReader m) {
    Optional<String> username = m.required("username", ConfigRules.NOT_EMPTY);
    Optional<Secret> password = SecretReader.read(m, "password", "password_file");
    m.finish();
    return username.map(name -> new ScrapeAuth.Basic(name, password));
  }

  private static Optional<ScrapeAuth> authorization(MappingReader m) {
    String type =
        m.string("type", ScrapeAuth.Authorization.DEFAULT_TYPE, ConfigRules.AUTHORIZATION_TYPE);
    int before = m.problemCount();
    Optional<Secret> credentials = SecretReader.read(m, "credentials", "credentials_file");
    if (credentials.isEmpty() && m.problemCount() == before) {
      m.problem("credentials", "must be set, or credentials_file", "nothing");
    }
    m.finish();
    return credentials.map(secret -> new ScrapeAuth.Authorization(type, secret));
  }
}
