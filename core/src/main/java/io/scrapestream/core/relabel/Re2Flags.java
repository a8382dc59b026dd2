package io.scrapestream.core.relabel;

import java.util.Optional;

/**
 * What follows {@code (?} in RE2: a named capture {@code (?P<name>} or {@code (?<name>}, or flags
 * {@code i m s U} set or cleared ({@code (?i-s)}) for the rest of the group or for a new group
 * ({@code (?i:...)}). Everything else, Java's lookaround and atomic groups among them, is refused
 * as Go refuses it.
 */
final class Re2Flags {
  /** The result: where the construct ends, the flags after it, and what group it opens. */
  record Parsed(int end, int flags, Optional<String> captureName, boolean opensGroup) {}

  private Re2Flags() {}

  /** Parses the construct starting at {@code at}, which holds {@code (?}. */
  static Parsed parse(String re, int at, int flags) {
    int remaining = re.length() - at;
    boolean pythonName = remaining > 4 && re.charAt(at + 2) == 'P' && re.charAt(at + 3) == '<';
    boolean perlName = remaining > 3 && re.charAt(at + 2) == '<';
    if (pythonName || perlName) {
      return capture(re, at, pythonName ? at + 4 : at + 3, flags);
    }
    int t = at + 2;
    int newFlags = flags;
    boolean negative = false;
    boolean sawFlag = false;
    while (t < re.length()) {
      int c = Re2Escapes.codePointAt(re, t);
      t += Character.charCount(c);
      int flag = flag(c);
      if (flag != 0) {
        newFlags = negative ? newFlags & ~flag : newFlags | flag;
        sawFlag = true;
      } else if (c == '-' && !negative) {
        negative = true;
        sawFlag = false;
      } else if ((c == ':' || c == ')') && (!negative || sawFlag)) {
        return new Parsed(t, newFlags, Optional.empty(), c == ':');
      } else {
        break;
      }
    }
    throw Re2Error.INVALID_PERL_OP.at(re.substring(at, t), hint(re, at));
  }

  private static Parsed capture(String re, int at, int nameStart, int flags) {
    int close = re.indexOf('>', at);
    if (close < 0) {
      throw Re2Error.INVALID_NAMED_CAPTURE.at(re.substring(at), captureHint(re, at));
    }
    String name = re.substring(nameStart, close);
    if (name.isEmpty() || !name.chars().allMatch(c -> c == '_' || Re2Escapes.isAlnum(c))) {
      throw Re2Error.INVALID_NAMED_CAPTURE.at(re.substring(at, close + 1), captureHint(re, at));
    }
    return new Parsed(close + 1, flags, Optional.of(name), true);
  }

  private static int flag(int c) {
    return switch (c) {
      case 'i' -> Re2Translator.FOLD_CASE;
      case 'm' -> Re2Translator.MULTI_LINE;
      case 's' -> Re2Translator.DOT_NL;
      case 'U' -> Re2Translator.UNGREEDY;
      default -> 0;
    };
  }

  private static String captureHint(String re, int at) {
    return re.startsWith("(?<=", at) || re.startsWith("(?<!", at)
        ? "lookbehind is not supported by RE2"
        : "a capture name is one or more of A-Z, a-z, 0-9 and _";
  }

  private static String hint(String re, int at) {
    String construct = re.substring(at, Math.min(re.length(), at + 4));
    if (construct.startsWith("(?=") || construct.startsWith("(?!")) {
      return "lookahead is not supported by RE2";
    }
    if (construct.startsWith("(?>")) {
      return "atomic groups are not supported by RE2";
    }
    if (construct.startsWith("(?#")) {
      return "comments are not supported by RE2";
    }
    return construct.length() > 2
            && Character.isLetter(construct.charAt(2))
            && flag(construct.charAt(2)) == 0
        ? "RE2 flags are i, m, s and U; names are written (?P<name>re) or (?<name>re)"
        : "";
  }
}
