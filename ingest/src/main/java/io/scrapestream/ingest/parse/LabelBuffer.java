package io.scrapestream.ingest.parse;

import java.util.Arrays;

/** The reused, growable label list behind every {@link LabelView} a parser hands out. */
final class LabelBuffer implements LabelView {

  private Symbol[] names = new Symbol[8];
  private Symbol[] values = new Symbol[8];
  private int size;

  void clear() {
    size = 0;
  }

  /** Appends a label unless its name is already present; returns whether it was appended. */
  boolean add(Symbol name, Symbol value) {
    if (indexOf(name) >= 0) {
      return false;
    }
    append(name, value);
    return true;
  }

  /** Appends a label whose name the caller knows is not present yet. */
  void append(Symbol name, Symbol value) {
    if (size == names.length) {
      names = Arrays.copyOf(names, size * 2);
      values = Arrays.copyOf(values, size * 2);
    }
    names[size] = name;
    values[size] = value;
    size++;
  }

  /** Replaces the value of label {@code i}. */
  void setValue(int i, Symbol value) {
    values[check(i)] = value;
  }

  /** Drops the labels from index {@code newSize} on. */
  void truncate(int newSize) {
    size = java.util.Objects.checkIndex(newSize, size + 1);
  }

  /** The index of the label named {@code name} (symbols are interned: identity), or -1. */
  int indexOf(Symbol name) {
    for (int i = 0; i < size; i++) {
      if (names[i] == name) {
        return i;
      }
    }
    return -1;
  }

  /** The value of the label named {@code name}, or {@code null}. */
  Symbol valueOf(Symbol name) {
    int i = indexOf(name);
    return i < 0 ? null : values[i];
  }

  Symbol nameSymbol(int i) {
    return names[i];
  }

  Symbol valueSymbol(int i) {
    return values[i];
  }

  @Override
  public int size() {
    return size;
  }

  @Override
  public String name(int i) {
    return names[check(i)].text;
  }

  @Override
  public String value(int i) {
    return values[check(i)].text;
  }

  @Override
  public int nameNote(int i, long stamp) {
    return names[check(i)].note(stamp);
  }

  @Override
  public void nameNote(int i, long stamp, int note) {
    names[check(i)].note(stamp, note);
  }

  @Override
  public int valueNote(int i, long stamp) {
    return values[check(i)].note(stamp);
  }

  @Override
  public void valueNote(int i, long stamp, int note) {
    values[check(i)].note(stamp, note);
  }

  private int check(int i) {
    return java.util.Objects.checkIndex(i, size);
  }
}
