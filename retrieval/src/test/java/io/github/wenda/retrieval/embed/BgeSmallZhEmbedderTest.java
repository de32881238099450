package io.github.wenda.retrieval.embed;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.bgesmallzhv15q.BgeSmallZhV15QuantizedEmbeddingModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The batched ONNX path against LangChain4j's per-text path on the same model. */
class BgeSmallZhEmbedderTest {
  private static final double MIN_COSINE = 1 - 1e-4;
  private static final BgeSmallZhEmbedder batched = new BgeSmallZhEmbedder();
  private static final EmbeddingModel langchain4j = new BgeSmallZhV15QuantizedEmbeddingModel();
  private static List<String> texts;

  @BeforeAll
  static void texts() throws IOException {
    String corpus = Files.readString(firstCorpusFile());
    texts = new ArrayList<>();
    texts.add("上合组织农业合作示范区在哪里？");
    texts.add("秘书处");
    texts.add("The SCO was founded on 15 June 2001 in Shanghai（上海）, with 6 members.");
    // Passages of many lengths, embedded by two workers at once.
    for (int len : new int[] {20, 60, 120, 200, 300, 450}) {
      texts.add(corpus.substring(1000 + len, 1000 + 2 * len));
    }
    // Longer than the model's 512 positions: LangChain4j averages 510-token windows.
    texts.add(corpus.substring(3000, 4400));
  }

  private static Path firstCorpusFile() throws IOException {
    try (var files = Files.list(Path.of("..", "corpus"))) {
      return files.filter(f -> f.toString().endsWith(".txt")).sorted().findFirst().orElseThrow();
    }
  }

  @Test
  void a_list_embedded_side_by_side_gives_the_vectors_of_langchain4j_text_by_text() {
    List<float[]> ours = batched.embed(texts);
    assertThat(ours).hasSize(texts.size());
    for (int i = 0; i < texts.size(); i++) {
      float[] theirs = langchain4j.embed(texts.get(i)).content().vector();
      assertThat(ours.get(i)).hasSize(512);
      assertThat(cosine(ours.get(i), theirs))
          .as("text %d (%d chars)", i, texts.get(i).length())
          .isGreaterThan(MIN_COSINE);
    }
  }

  @Test
  void a_single_question_gives_the_same_vector_as_in_a_batch() {
    List<float[]> all = batched.embed(texts);
    for (int i = 0; i < 3; i++) {
      assertThat(cosine(batched.embed(texts.get(i)), all.get(i))).isGreaterThan(MIN_COSINE);
    }
  }

  @Test
  void vectors_are_unit_length_and_distinct_texts_differ() {
    List<float[]> v = batched.embed(texts);
    for (float[] x : v) {
      assertThat(cosine(x, x)).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-5));
    }
    assertThat(cosine(v.get(0), v.get(1))).isLessThan(0.99);
  }

  @Test
  void blank_text_embeds_instead_of_failing() {
    assertThat(batched.embed(List.of(" ", "秘书处")))
        .hasSize(2)
        .allSatisfy(x -> assertThat(x).hasSize(512));
  }

  private static double cosine(float[] a, float[] b) {
    double dot = 0;
    double na = 0;
    double nb = 0;
    for (int i = 0; i < a.length; i++) {
      dot += a[i] * b[i];
      na += a[i] * a[i];
      nb += b[i] * b[i];
    }
    return dot / Math.sqrt(na * nb);
  }
}
