package io.scrapestream.core.relabel;

import static io.scrapestream.core.relabel.RelabelAction.HASHMOD;
import static io.scrapestream.core.relabel.RelabelAction.KEEP;
import static io.scrapestream.core.relabel.RelabelAction.LABELMAP;
import static io.scrapestream.core.relabel.RelabelAction.LOWERCASE;
import static io.scrapestream.core.relabel.RelabelAction.REPLACE;
import static io.scrapestream.core.relabel.RelabelAction.UPPERCASE;
import static io.scrapestream.core.relabel.RelabelerPrometheusTableTest.kept;
import static io.scrapestream.core.relabel.RelabelerPrometheusTableTest.labels;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import org.junit.jupiter.api.Test;

/** Details of the engine beyond Prometheus's test table. */
class RelabelerTest {

  private static Optional<SortedMap<String, String>> apply(
      Map<String, String> input, Rule... rules) {
    return new Relabeler(List.of(rules).stream().map(Rule::build).toList()).apply(input);
  }

  @Test
  void shouldReadMissingSourceLabelsAsEmptyWhenJoiningValues() {
    Optional<SortedMap<String, String>> result =
        apply(
            labels("a", "1", "c", "3"),
            Rule.of(REPLACE).source("a", "b", "c").separator("::").target("t"));

    assertThat(result).isEqualTo(kept("a", "1", "c", "3", "t", "1::::3"));
  }

  @Test
  void shouldDeleteTargetWhenReplacementExpandsToNothing() {
    assertThat(apply(labels("t", "old"), Rule.of(REPLACE).source("missing").target("t")))
        .isEqualTo(kept());
    assertThat(
            apply(
                labels("a", "foo", "t", "old"),
                Rule.of(REPLACE).source("a").regex("(f)oo").target("t").replacement("$1x")))
        .isEqualTo(kept("a", "foo"));
  }

  @Test
  void shouldSkipRuleWhenExpandedTargetIsNotALegacyLabelName() {
    Optional<SortedMap<String, String>> result =
        apply(
            labels("a", "x-y.z"),
            Rule.of(REPLACE).source("a").regex("(.*)").target("${1}").replacement("v"));

    assertThat(result).isEqualTo(kept("a", "x-y.z"));
  }

  @Test
  void shouldMatchOnlyTheEmptyValueWhenRegexIsEmpty() {
    assertThat(
            apply(
                labels("a", "x"),
                Rule.of(REPLACE).source("a").regex("").target("t").replacement("hit")))
        .isEqualTo(kept("a", "x"));
    assertThat(
            apply(
                labels("a", "x"),
                Rule.of(REPLACE).source("b").regex("").target("t").replacement("hit")))
        .isEqualTo(kept("a", "x", "t", "hit"));
  }

  @Test
  void shouldHashLastEightBytesOfMd5WhenHashmodHasLargestModulus() {
    // md5("baz") = 73feffa4b7f6bb68e44cf984c85f6e88; its last 8 bytes are 0xe44cf984c85f6e88.
    assertThat(Relabeler.hashMod("baz", -1)).isEqualTo(Long.toUnsignedString(0xe44cf984c85f6e88L));
    assertThat(Relabeler.hashMod("baz", 1000)).isEqualTo("976");
    assertThat(
            apply(
                labels("a", "x"),
                Rule.of(HASHMOD).source("a", "none").separator("").target("h").modulus(7)))
        .isEqualTo(kept("a", "x", "h", Relabeler.hashMod("x", 7)));
  }

  @Test
  void shouldMapCaseOneCodePointAtATimeWhenLoweringOrUppering() {
    Optional<SortedMap<String, String>> result =
        apply(
            labels("a", "Straße ǅ İ 😀"),
            Rule.of(LOWERCASE).source("a").target("lo"),
            Rule.of(UPPERCASE).source("a").target("up"));

    assertThat(result)
        .isEqualTo(kept("a", "Straße ǅ İ 😀", "lo", "straße ǆ i 😀", "up", "STRAßE Ǆ İ 😀"));
  }

  /**
   * Prometheus 3 relabels in one labels.Builder: labelmap visits the original labels, then the ones
   * set by earlier rules, and the last one visited wins. (Prometheus 2 rebuilt the sorted set after
   * every rule, so there {@code x} would be "base".)
   */
  @Test
  void shouldLetLabelsSetByEarlierRulesWinWhenLabelmapMapsTwoToOneName() {
    Optional<SortedMap<String, String>> result =
        apply(
            labels("zz_x", "base"),
            Rule.of(REPLACE).source("zz_x").target("aa_x").replacement("added"),
            Rule.of(LABELMAP).regex("(aa|zz)_(x)").replacement("$2"));

    assertThat(result).isEqualTo(kept("aa_x", "added", "x", "added", "zz_x", "base"));
  }

  @Test
  void shouldCopyUnderAnEmptyNameWhenLabelmapLeavesNothingAsPrometheusDoes() {
    Optional<SortedMap<String, String>> result =
        apply(labels("__meta_", "v"), Rule.of(LABELMAP).regex("__meta_(.*)"));

    assertThat(result).isEqualTo(kept("", "v", "__meta_", "v"));
  }

  @Test
  void shouldKeepInputLabelsWithEmptyValuesWhenNoRuleTouchesThem() {
    assertThat(apply(labels("a", "", "b", "1"), Rule.of(KEEP).source("a").regex("")))
        .isEqualTo(kept("a", "", "b", "1"));
  }

  @Test
  void shouldSortNamesByCodePointWhenResultHasSupplementaryCharacters() {
    SortedMap<String, String> result =
        new Relabeler(List.of())
            .apply(labels("\uD83D\uDE00", "3", "\uFB01", "2", "a", "1"))
            .orElseThrow();

    assertThat(result.keySet()).containsExactly("a", "\uFB01", "\uD83D\uDE00");
  }

  @Test
  void shouldLeaveInputAloneAndReturnUnmodifiableLabelsWhenApplied() {
    Map<String, String> input = new HashMap<>(labels("a", "1"));

    SortedMap<String, String> result =
        new Relabeler(List.of(Rule.of(REPLACE).source("a").target("b").build()))
            .apply(input)
            .orElseThrow();

    assertThat(input).isEqualTo(Map.of("a", "1"));
    assertThatThrownBy(() -> result.put("c", "3"))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void shouldNameLabelWhenInputHoldsANullValue() {
    Map<String, String> input = new HashMap<>();
    input.put("a", null);

    assertThatNullPointerException()
        .isThrownBy(() -> new Relabeler(List.of()).apply(input))
        .withMessage("value of label a");
  }
}
