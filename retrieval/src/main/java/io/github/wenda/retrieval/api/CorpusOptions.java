package io.github.wenda.retrieval.api;

/**
 * How the corpus folder is walked: whether symbolic links that lead out of it are followed
 * ({@code corpus.follow-symlinks}; off, so a link to /etc is never indexed and served), and the
 * largest file read ({@code corpus.max-file-mb}), so one huge file cannot exhaust memory.
 */
public record CorpusOptions(boolean followSymlinks, long maxFileBytes) {
  public static final int DEFAULT_MAX_FILE_MB = 50;

  public CorpusOptions {
    if (maxFileBytes < 1) {
      throw new IllegalArgumentException("corpus.max-file-mb must be at least 1, but the limit is: " + maxFileBytes + " bytes");
    }
  }

  public static CorpusOptions defaults() {
    return ofMegabytes(false, DEFAULT_MAX_FILE_MB);
  }

  public static CorpusOptions ofMegabytes(boolean followSymlinks, int maxFileMb) {
    return new CorpusOptions(followSymlinks, maxFileMb * 1024L * 1024L);
  }

  public long maxFileMb() {
    return maxFileBytes / (1024L * 1024L);
  }
}
