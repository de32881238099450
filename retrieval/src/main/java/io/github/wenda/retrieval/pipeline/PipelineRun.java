package io.github.wenda.retrieval.pipeline;

import io.github.wenda.retrieval.api.Corpus;
import io.github.wenda.retrieval.api.SkippedFile;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The passages the pipeline made for some documents, in document order, with the number made per
 * document (for manifests; a document that could not be read has no entry and is in {@code failed}
 * with the reason) and the time per stage (clean, chunk, embed) in the order they ran.
 */
public record PipelineRun(
    List<EmbeddedPassage> passages,
    Map<String, Integer> perDocument,
    Map<String, Duration> stages,
    List<SkippedFile> failed) {
  public PipelineRun {
    failed = List.copyOf(failed);
    passages = List.copyOf(passages);
    perDocument = Collections.unmodifiableMap(new LinkedHashMap<>(perDocument));
    stages = Collections.unmodifiableMap(new LinkedHashMap<>(stages));
  }

  /** The corpus's warnings and one more per document that could not be read. */
  public List<String> warnings(Corpus corpus) {
    List<String> out = new ArrayList<>(corpus.warnings());
    failed.forEach(f -> out.add("skipping " + f));
    return out;
  }

  /** Every file left out: those the loader skipped and those this run could not read. */
  public List<SkippedFile> skipped(Corpus corpus) {
    List<SkippedFile> out = new ArrayList<>(corpus.skipped());
    out.addAll(failed);
    return out;
  }
}
