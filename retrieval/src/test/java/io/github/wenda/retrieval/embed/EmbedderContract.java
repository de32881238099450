package io.github.wenda.retrieval.embed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import io.github.wenda.retrieval.api.Embedder;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link Embedder} promises (see its javadoc): one unit vector of the model's dimension
 * per text, in order, the same for the same text however it is batched. Subclasses supply the
 * implementation.
 */
abstract class EmbedderContract {
  /** Float noise between a batched and a single run of the same model (cosine of unit vectors). */
  private static final double SAME = 1 - 1e-4;

  /** Different texts of the contract are far from identical for any sensible model. */
  private static final double DIFFERENT = 1 - 1e-2;

  private static final List<String> TEXTS =
      List.of(
          "上海合作组织成立于2001年6月15日。",
          "秘书处设在北京。",
          "How do I install a package with apt-get?",
          "成员国元首理事会是最高决策机构，每年举行一次会议，讨论合作的战略和优先方向。");

  private Embedder embedder;

  /** A fresh embedder for one test. */
  protected abstract Embedder create();

  @BeforeEach
  void open() {
    embedder = create();
  }

  @Test
  void names_its_model_and_a_positive_dimension() {
    assertThat(embedder.modelId()).isNotBlank();
    assertThat(embedder.dimension()).isPositive();
  }

  @Test
  void an_empty_list_gives_an_empty_list() {
    assertThat(embedder.embed(List.of())).isEmpty();
  }

  @Test
  void gives_one_vector_per_text_of_the_models_dimension() {
    List<float[]> vectors = embedder.embed(TEXTS);
    assertThat(vectors).hasSize(TEXTS.size());
    for (float[] v : vectors) {
      assertThat(v).hasSize(embedder.dimension());
      for (float x : v) {
        assertThat(Float.isFinite(x)).as("component %s is finite", x).isTrue();
      }
    }
  }

  @Test
  void every_vector_has_unit_length() {
    for (float[] v : embedder.embed(TEXTS)) {
      assertThat(Math.sqrt(dot(v, v))).isCloseTo(1.0, offset(1e-3));
    }
  }

  @Test
  void a_batch_gives_each_text_the_vector_it_gets_alone_in_the_order_of_the_texts() {
    List<float[]> batch = embedder.embed(TEXTS);
    for (int i = 0; i < TEXTS.size(); i++) {
      float[] alone = create().embed(TEXTS.get(i));
      for (int j = 0; j < TEXTS.size(); j++) {
        if (i == j) {
          assertThat(dot(batch.get(j), alone))
              .as("text %d batched vs alone", i)
              .isGreaterThan(SAME);
        } else {
          assertThat(dot(batch.get(j), alone))
              .as("text %d at place %d", i, j)
              .isLessThan(DIFFERENT);
        }
      }
    }
  }

  @Test
  void the_same_text_gives_the_same_vector_again_and_twice_in_one_batch() {
    String text = TEXTS.get(1);
    float[] first = embedder.embed(text);
    List<float[]> batch = embedder.embed(List.of(text, TEXTS.get(0), text));
    assertThat(dot(embedder.embed(text), first)).isGreaterThan(SAME);
    assertThat(dot(batch.get(0), first)).isGreaterThan(SAME);
    assertThat(dot(batch.get(2), first)).isGreaterThan(SAME);
  }

  @Test
  void a_reversed_batch_gives_the_vectors_reversed() {
    List<float[]> forward = embedder.embed(TEXTS);
    List<String> reversed = new ArrayList<>(TEXTS);
    Collections.reverse(reversed);
    List<float[]> backward = create().embed(reversed);
    for (int i = 0; i < TEXTS.size(); i++) {
      assertThat(dot(forward.get(i), backward.get(TEXTS.size() - 1 - i)))
          .as("text %d", i)
          .isGreaterThan(SAME);
    }
  }

  @Test
  void threads_embedding_at_once_get_the_same_vectors_as_one_thread() throws Exception {
    List<float[]> expected = create().embed(TEXTS);
    ExecutorService pool = Executors.newFixedThreadPool(3);
    try {
      List<Future<List<float[]>>> runs = new ArrayList<>();
      for (int t = 0; t < 3; t++) {
        runs.add(pool.submit(() -> embedder.embed(TEXTS)));
      }
      for (Future<List<float[]>> run : runs) {
        List<float[]> got = run.get();
        for (int i = 0; i < TEXTS.size(); i++) {
          assertThat(dot(got.get(i), expected.get(i))).as("text %d", i).isGreaterThan(SAME);
        }
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private static double dot(float[] a, float[] b) {
    assertThat(a).hasSameSizeAs(b);
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += (double) a[i] * b[i];
    }
    return s;
  }
}
