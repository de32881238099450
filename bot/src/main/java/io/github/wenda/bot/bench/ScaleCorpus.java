package io.github.wenda.bot.bench;

import io.github.wenda.retrieval.api.WendaException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

/**
 * Makes a corpus {@code factor} times the size of a real one: every document copied {@code factor}
 * times, copy 0 verbatim, the others perturbed so that no two copies embed or index the same
 * (digits shifted, a few adjacent Chinese characters swapped per line). Perturbation keeps every
 * line's length, so the corpus grows exactly linearly.
 */
public final class ScaleCorpus {
  private ScaleCorpus() {}

  /** Writes the scaled corpus into {@code target} (created); returns its size in characters. */
  public static long generate(Path source, int factor, Path target) throws IOException {
    if (factor < 1) {
      throw new WendaException("--scale factors must be at least 1, but one is: " + factor);
    }
    Files.createDirectories(target);
    long chars = 0;
    List<Path> docs;
    try (Stream<Path> files = Files.list(source)) {
      docs =
          files
              .filter(f -> f.toString().endsWith(".txt") || f.toString().endsWith(".md"))
              .sorted()
              .toList();
    }
    for (int d = 0; d < docs.size(); d++) {
      Path doc = docs.get(d);
      String text = Files.readString(doc, StandardCharsets.UTF_8);
      String name = doc.getFileName().toString();
      int dot = name.lastIndexOf('.');
      for (int c = 0; c < factor; c++) {
        String copy = c == 0 ? text : perturb(text, new Random(31L * d + c), c);
        Files.writeString(
            target.resolve(name.substring(0, dot) + "-" + c + name.substring(dot)),
            copy,
            StandardCharsets.UTF_8);
        chars += copy.length();
      }
    }
    return chars;
  }

  static String perturb(String text, Random random, int copy) {
    StringBuilder out = new StringBuilder(text.length());
    for (String line : text.split("\n", -1)) {
      char[] cs = line.toCharArray();
      for (int i = 0; i < cs.length; i++) {
        if (cs[i] >= '0' && cs[i] <= '9') {
          cs[i] = (char) ('0' + (cs[i] - '0' + copy) % 10);
        }
      }
      for (int swaps = 0; swaps < 2 && cs.length > 2; swaps++) {
        int i = random.nextInt(cs.length - 1);
        if (isHan(cs[i]) && isHan(cs[i + 1])) {
          char x = cs[i];
          cs[i] = cs[i + 1];
          cs[i + 1] = x;
        }
      }
      if (out.length() > 0) {
        out.append('\n');
      }
      out.append(cs);
    }
    return out.toString();
  }

  private static boolean isHan(char c) {
    return Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN;
  }
}
