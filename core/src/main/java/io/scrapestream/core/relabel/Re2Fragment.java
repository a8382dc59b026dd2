package io.scrapestream.core.relabel;

import java.util.ArrayList;
import java.util.List;

/**
 * Translated pieces of a regular expression: an item is one operand of a concatenation (a literal,
 * a class, an assertion, a group or a repetition); a group collects alternatives of items. RE2
 * flags {@code m}, {@code s} and {@code U} are resolved while translating; case folding ({@code i})
 * is kept per item and written as {@code (?iu:...)} around runs of folded items, so that a Java
 * flag never leaks past the RE2 operand it belongs to.
 */
final class Re2Fragment {
  /** The largest product of nested counted repetitions RE2 accepts. */
  static final int MAX_REPEAT = 1000;

  private Re2Fragment() {}

  /**
   * One operand. {@code singleChar} marks a literal or class, which matches exactly one code point
   * and can join a Java class; {@code grouped} tells whether a repetition must wrap it in {@code
   * (?:...)}; {@code weight} is the product of the counted repetitions nested in it, as Go's {@code
   * repeatIsValid} counts them.
   */
  record Item(String text, boolean folded, boolean singleChar, boolean grouped, int weight) {
    static Item atom(String text, boolean folded) {
      return new Item(text, folded, true, false, 1);
    }

    static Item assertion(String text) {
      return new Item(text, false, false, true, 1);
    }

    Item repeated(String quantifier, int newWeight) {
      String operand = folded ? "(?iu:" + text + ")" : grouped ? "(?:" + text + ")" : text;
      return new Item(operand + quantifier, false, false, true, newWeight);
    }
  }

  /** An open group: its alternatives so far and the flags to restore when it closes. */
  static final class Group {
    private final String open;
    private final int savedFlags;
    private final List<List<Item>> alternatives = new ArrayList<>();

    Group(String open, int savedFlags) {
      this.open = open;
      this.savedFlags = savedFlags;
      alternatives.add(new ArrayList<>());
    }

    int savedFlags() {
      return savedFlags;
    }

    /** The items of the alternative being parsed. */
    List<Item> current() {
      return alternatives.get(alternatives.size() - 1);
    }

    /** True when the group has one alternative and it starts with {@code \A}. */
    boolean startsWithTextStart() {
      return alternatives.size() == 1
          && !alternatives.get(0).isEmpty()
          && alternatives.get(0).get(0).text().equals("\\A");
    }

    void startAlternative() {
      alternatives.add(new ArrayList<>());
    }

    /**
     * The alternatives joined by {@code |}, without the group's parentheses. Like Go's parser,
     * consecutive alternatives of one literal or class become one class ({@code a|b} is {@code
     * [ab]}), which matches the same and spares java.util.regex a recursion per repetition.
     */
    String body() {
      StringBuilder text = new StringBuilder();
      List<List<Item>> merged = mergeSingleChars();
      for (int i = 0; i < merged.size(); i++) {
        if (i > 0) {
          text.append('|');
        }
        appendConcatenation(text, merged.get(i));
      }
      return text.toString();
    }

    private List<List<Item>> mergeSingleChars() {
      List<List<Item>> merged = new ArrayList<>();
      for (List<Item> alternative : alternatives) {
        Item previous = merged.isEmpty() ? null : single(merged.get(merged.size() - 1));
        Item item = single(alternative);
        if (previous != null && item != null && previous.folded() == item.folded()) {
          String union = "[" + previous.text() + item.text() + "]";
          merged.set(merged.size() - 1, List.of(new Item(union, item.folded(), true, false, 1)));
        } else {
          merged.add(alternative);
        }
      }
      return merged;
    }

    private static Item single(List<Item> alternative) {
      return alternative.size() == 1 && alternative.get(0).singleChar() ? alternative.get(0) : null;
    }

    /** The closed group as an operand of its parent. */
    Item close() {
      int weight =
          alternatives.stream().flatMap(List::stream).mapToInt(Item::weight).max().orElse(1);
      return new Item(open + body() + ")", false, false, false, weight);
    }

    private static void appendConcatenation(StringBuilder text, List<Item> items) {
      boolean inFold = false;
      for (Item item : items) {
        if (item.folded() != inFold) {
          text.append(inFold ? ")" : "(?iu:");
          inFold = item.folded();
        }
        text.append(item.text());
      }
      if (inFold) {
        text.append(')');
      }
    }
  }
}
