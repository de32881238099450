package io.github.wenda.bot.cli;

import io.github.wenda.bot.answer.AnswerService;
import io.github.wenda.retrieval.Retrieval;
import io.github.wenda.retrieval.api.Embedder;
import io.github.wenda.retrieval.api.ProgressListener;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Opens the real pipeline over the bundled corpus with the shipped config, for quality tests. */
public final class TestLaunch {
  /** What a test does with the answer service and the retrieval it answers from. */
  @FunctionalInterface
  public interface Body<T> {
    T apply(AnswerService service, Retrieval retrieval) throws Exception;
  }

  private TestLaunch() {}

  public static <T> T withShippedConfig(Body<T> body) throws Exception {
    Launch launch =
        Launch.from(
            Path.of("..", "config", "wenda.yaml"),
            List.of(
                "corpus.dir=../corpus", "index.dir=target/quality-index", "data.dir=target/data"),
            false,
            Map.of());
    Embedder embedder = Answering.embedder();
    try (Retrieval r = launch.openRetrieval(embedder, ProgressListener.NONE)) {
      return body.apply(Answering.service(launch, r, embedder), r);
    }
  }
}
