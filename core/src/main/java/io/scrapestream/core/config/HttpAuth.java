package io.scrapestream.core.config;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * How a scrape authenticates: not at all, with {@code basic_auth}, or with an {@code authorization}
 * header ({@code bearer_token} and {@code bearer_token_file} read as {@code authorization} of type
 * {@code Bearer}, as in Prometheus).
 */
public sealed interface HttpAuth {
  HttpAuth NONE = new None();

  /** No credentials. */
  record None() implements HttpAuth {}

  /**
   * {@code basic_auth}: the username and password, each inline or from a file; a missing one is
   * sent empty, as Prometheus does.
   */
  record Basic(Optional<SecretSource> username, Optional<SecretSource> password)
      implements HttpAuth {
    public Basic {
      Objects.requireNonNull(username, "username must not be null");
      Objects.requireNonNull(password, "password must not be null");
    }
  }

  /**
   * {@code authorization}: the header {@code Authorization: <type> <credentials>}; credentials not
   * set are sent empty, as Prometheus does.
   */
  record Authorization(String type, Optional<SecretSource> credentials) implements HttpAuth {
    public static final String DEFAULT_TYPE = "Bearer";

    public Authorization {
      ConfigRules.require("type", type, ConfigRules.NOT_EMPTY);
      if (type.strip().toLowerCase(Locale.ROOT).equals("basic")) {
        throw new IllegalArgumentException(
            "type must not be \"basic\" (use basic_auth). Found: " + ConfigProblems.quote(type));
      }
      Objects.requireNonNull(credentials, "credentials must not be null");
    }
  }
}
