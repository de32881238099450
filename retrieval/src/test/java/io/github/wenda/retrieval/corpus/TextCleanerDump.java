package io.github.wenda.retrieval.corpus;

import java.nio.file.Files;
import java.nio.file.Path;

/** Prints the cleaned corpus for reading by eye: {@code java ... TextCleanerDump corpus/x.txt}. */
final class TextCleanerDump {
  public static void main(String[] args) throws Exception {
    TextCleaner cleaner = new TextCleaner();
    for (String a : args) {
      CleanDocument doc = cleaner.clean(Files.readString(Path.of(a)));
      System.out.println("=== " + a);
      for (Segment s : doc.segments()) {
        System.out.println("[" + s.kind().label() + " | " + s.section() + "] " + doc.textOf(s));
      }
    }
  }
}
