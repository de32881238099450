package io.github.wenda.retrieval.api;

/**
 * How the corpus folder is walked: whether symbolic links that lead out of it are followed ({@code
 * corpus.follow-symlinks}; off, so a link to /etc is never indexed and served), and the largest
 * file read ({@code corpus.max-file-mb}), so one huge file cannot exhaust memory.
 */
public record CorpusOptions(boolean followSymlinks, long maxFileBytes) {
  public CorpusOptions {
    if (maxFileBytes < 1) {
      throw new IllegalArgumentException(
          "maxFileBytes must be at least 1, but is: " + maxFileBytes);
    }
  }

  public static CorpusOptions ofMegabytes(boolean followSymlinks, int maxFileMb) {
    return new CorpusOptions(followSymlinks, maxFileMb * 1024L * 1024L);
  }

  public long maxFileMb() {
    return maxFileBytes / (1024L * 1024L);
  }
}
