package io.scrapestream.core.config;

import java.util.Objects;

/**
 * How a job authenticates to its targets: Prometheus's {@code basic_auth} or {@code authorization}
 * (at most one of them). Secret files are read when the configuration is loaded.
 */
public sealed interface ScrapeAuth {

  /** No credentials. */
  static ScrapeAuth none() {
    return None.INSTANCE;
  }

  /** No {@code basic_auth} and no {@code authorization}. */
  enum None implements ScrapeAuth {
    INSTANCE
  }

  /** {@code basic_auth}: a user name and an optional password. */
  record Basic(String username, java.util.Optional<Secret> password) implements ScrapeAuth {
    public Basic {
      Objects.requireNonNull(username, "username must not be null");
      Objects.requireNonNull(password, "password must not be null");
    }
  }

  /** {@code authorization}: {@code Authorization: <type> <credentials>}, type Bearer by default. */
  record Authorization(String type, Secret credentials) implements ScrapeAuth {
    public static final String DEFAULT_TYPE = "Bearer";

    public Authorization {
      ConfigRules.require("type", type, ConfigRules.AUTHORIZATION_TYPE);
      Objects.requireNonNull(credentials, "credentials must not be null");
    }
  }
}
