/**
 * The relabel engine: Prometheus's relabel configs ({@link
 * io.scrapestream.core.relabel.RelabelConfig}) applied by a {@link
 * io.scrapestream.core.relabel.Relabeler} with the semantics of Prometheus 3's {@code
 * model/relabel}. Pure logic, no I/O; shared by target relabeling, {@code metric_relabel_configs}
 * and enrichment transforms.
 *
 * <p>Choices that are not obvious:
 *
 * <ul>
 *   <li>Regexes are RE2, anchored as in Prometheus 3: {@code ^(?s:<regex>)$}, so {@code .} matches
 *       a newline (Prometheus 2 anchored with {@code ^(?:<regex>)$}). They are translated to
 *       java.util.regex by a parser that follows Go's {@code regexp/syntax} step by step: it
 *       refuses what Go refuses with Go's message, reads what Java would read differently as RE2
 *       reads it ({@code $} is the end of text, {@code \s} has no {@code \v}, {@code \b} and
 *       classes are ASCII, {@code [a&&b]} and {@code [[]} are plain members, octal {@code \12}),
 *       and never lets Java-only syntax through (lookaround, backreferences, possessive
 *       quantifiers, atomic groups, {@code \Z}, {@code \h}, {@code \e}, the {@code x} flag). Case
 *       folding uses Java's Unicode case-insensitive matching, close to but not exactly Go's simple
 *       folding.
 *   <li>Templates ({@code $1}, {@code ${1}}, {@code $name}) expand as Go's {@code regexp.Expand}:
 *       the longest name wins, so {@code $1x} is the (missing) group {@code 1x}.
 *   <li>{@code hashmod} takes the last 8 bytes of the MD5 digest as a big-endian unsigned number
 *       (Prometheus 3 writes {@code binary.BigEndian.Uint64(md5[8:])}; Prometheus 2's {@code sum64}
 *       gave the same value), then the modulus.
 *   <li>Label names follow the legacy scheme {@code [a-zA-Z_][a-zA-Z0-9_]*}: UTF-8 label names,
 *       allowed by Prometheus 3's default {@code utf8} scheme, are refused in configuration, and a
 *       {@code replace} whose expanded target is not such a name does nothing.
 *   <li>Label order inside the engine mirrors Prometheus's {@code labels.Builder}, which decides
 *       the winner when {@code labelmap} maps two labels to one name.
 * </ul>
 *
 * <p>Known differences from Go, both in submatch or resource behaviour rather than in what matches:
 * when a repeated group's body matches the empty string ({@code (a|)+}, {@code (a*)+}), RE2 never
 * counts the empty iteration while Java reports it, so {@code $1} can differ; and java.util.regex
 * recurses once per repetition of a group with several multi-character paths ({@code ([^,]+,)*}),
 * so a value of many thousands of characters can exhaust the stack, which {@link
 * io.scrapestream.core.relabel.RelabelRegex} reports as an IllegalStateException.
 */
package io.scrapestream.core.relabel;
