package io.github.wenda.retrieval.api;

/** Told how long work is going; the console draws a bar, batch jobs ignore it. */
@FunctionalInterface
public interface ProgressListener {
  ProgressListener NONE = (stage, done, total) -> {};

  void progress(String stage, int done, int total);
}
