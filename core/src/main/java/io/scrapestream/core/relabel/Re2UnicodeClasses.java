package io.scrapestream.core.relabel;

import java.util.Locale;
import java.util.Set;

/**
 * RE2's Unicode classes: {@code \pL}, {@code \p{Lu}}, {@code \p{Greek}}, {@code \p{Any}}, negated
 * by {@code \P} or {@code ^}. Names are Go's: the general categories of {@code unicode.Categories}
 * (where {@code C} excludes unassigned code points, unlike Java's) and the script names of {@code
 * unicode.Scripts}, written as Go writes them ({@code Old_Italic}). Scripts newer than Java's
 * Unicode tables are refused.
 */
final class Re2UnicodeClasses {
  private static final Set<String> CATEGORIES =
      Set.of(
          "C", "Cc", "Cf", "Co", "Cs", "L", "Ll", "Lm", "Lo", "Lt", "Lu", "M", "Mc", "Me", "Mn",
          "N", "Nd", "Nl", "No", "P", "Pc", "Pd", "Pe", "Pf", "Pi", "Po", "Ps", "S", "Sc", "Sk",
          "Sm", "So", "Z", "Zl", "Zp", "Zs");
  private static final String GO_OTHER = "\\p{Cc}\\p{Cf}\\p{Co}\\p{Cs}";
  private static final String ANY = "\\x{0}-\\x{10ffff}";

  private Re2UnicodeClasses() {}

  /** Parses the class whose backslash is at {@code at}, followed by {@code p} or {@code P}. */
  static Re2Classes.Parsed parse(String re, int at) {
    boolean negated = re.charAt(at + 1) == 'P';
    int t = at + 2;
    int end;
    String name;
    if (t >= re.length()) {
      end = t;
      name = "";
    } else if (re.charAt(t) != '{') {
      end = t + Character.charCount(Re2Escapes.codePointAt(re, t));
      name = re.substring(t, end);
    } else {
      int close = re.indexOf('}', at);
      if (close < 0) {
        throw Re2Error.INVALID_CHAR_RANGE.at(re.substring(at));
      }
      end = close + 1;
      name = re.substring(at + 3, close);
    }
    if (name.startsWith("^")) {
      negated = !negated;
      name = name.substring(1);
    }
    return new Re2Classes.Parsed(java(name, negated, re.substring(at, end)), end);
  }

  private static String java(String name, boolean negated, String seq) {
    if (name.equals("Any")) {
      return (negated ? "[^" : "[") + ANY + "]";
    }
    if (name.equals("C")) {
      return (negated ? "[^" : "[") + GO_OTHER + "]";
    }
    String property;
    if (CATEGORIES.contains(name)) {
      property = name;
    } else if (isGoScriptName(name)) {
      property = "script=" + name.toUpperCase(Locale.ROOT);
    } else {
      throw Re2Error.INVALID_CHAR_RANGE.at(seq);
    }
    return (negated ? "\\P{" : "\\p{") + property + "}";
  }

  /** True for a script Java knows, written as Go names it: {@code Latin}, {@code Old_Italic}. */
  private static boolean isGoScriptName(String name) {
    Character.UnicodeScript script;
    try {
      script = Character.UnicodeScript.valueOf(name.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      return false;
    }
    return script != Character.UnicodeScript.UNKNOWN && name.equals(goSpelling(script));
  }

  private static String goSpelling(Character.UnicodeScript script) {
    if (script == Character.UnicodeScript.SIGNWRITING) {
      return "SignWriting";
    }
    StringBuilder spelled = new StringBuilder();
    for (String word : script.name().split("_", -1)) {
      if (spelled.length() > 0) {
        spelled.append('_');
      }
      spelled.append(word.charAt(0)).append(word.substring(1).toLowerCase(Locale.ROOT));
    }
    return spelled.toString();
  }
}
