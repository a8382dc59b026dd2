package io.scrapestream.core.config;

import java.util.Objects;

/** What every reader of one load shares: the problems found so far and the environment. */
record ReadContext(ConfigProblems problems, EnvReferences env) {
  ReadContext {
    Objects.requireNonNull(problems, "problems");
    Objects.requireNonNull(env, "env");
  }
}
