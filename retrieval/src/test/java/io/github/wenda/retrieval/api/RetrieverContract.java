package io.github.wenda.retrieval.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What every {@link Retriever} promises (the search backends have their own, stricter contract): at
 * most k hits, ranked 1, 2, 3… best first, no passage twice, the passage that holds the answer
 * first, and never an exception for odd query text. Subclasses open the retriever over a small
 * corpus written into a folder.
 */
public abstract class RetrieverContract {
  /** Query texts that break naive query parsers, tokenizers or vector models. */
  private static final List<String> ODD =
      List.of(
          "",
          "   ",
          "？",
          "\u0000",
          "(((",
          "\"",
          "\\",
          "*?",
          "AND OR NOT",
          "title:apt",
          "[1 TO 5]",
          "~~^^",
          "😀😀",
          "\uD83D",
          "apt-get -y --purge",
          "软件包".repeat(2000),
          "a".repeat(5000),
          "<script>alert(1)</script>");

  @TempDir protected Path dir;
  private Retriever retriever;

  /** Opens the retriever over the corpus in {@code corpusDir} (plain-text files). */
  protected abstract Retriever open(Path corpusDir) throws Exception;

  /** The modes the retriever distinguishes; a retriever with one list ignores the mode. */
  protected abstract List<SearchMode> modes();

  /** Three small documents on different subjects; filler shares no bigram with the questions. */
  static Map<String, String> corpus() {
    Map<String, String> texts = new LinkedHashMap<>();
    texts.put(
        "apt.txt", filler(300) + "软件包管理用 apt-get autoremove 移除不再需要的自动安装的软件包。\n\n" + filler(250));
    texts.put("boot.txt", "引导加载程序 GRUB2 读取配置文件 /boot/grub/grub.cfg。\n\n" + filler(400));
    texts.put("net.txt", filler(200) + "网络接口由 NetworkManager 管理。\n\n" + filler(200));
    return texts;
  }

  private static String filler(int chars) {
    String unit = "春夏秋冬东南西北";
    return unit.repeat(chars / unit.length() + 1).substring(0, chars);
  }

  @BeforeEach
  void openRetriever() throws Exception {
    Path corpusDir = Files.createDirectories(dir.resolve("corpus"));
    for (Map.Entry<String, String> e : corpus().entrySet()) {
      Files.writeString(corpusDir.resolve(e.getKey()), e.getValue());
    }
    retriever = open(corpusDir);
  }

  @AfterEach
  void closeRetriever() throws Exception {
    if (retriever instanceof AutoCloseable c) {
      c.close();
    }
  }

  @Test
  void ranks_the_passage_holding_the_answer_in_the_questions_words_first() {
    // Vector-only order is the model's quality, not a contract (the tests' hashing model is crude).
    for (SearchMode mode : modes().stream().filter(m -> m != SearchMode.VECTOR).toList()) {
      List<Hit> hits = retriever.search(new Query("怎么移除不再需要的自动安装的软件包？", 3, mode));
      assertThat(hits).as("mode %s", mode).isNotEmpty();
      assertThat(hits.get(0).passage().docId())
          .as("mode %s", mode)
          .startsWith("apt"); // with or without extension
      assertThat(hits.get(0).passage().text()).as("mode %s", mode).contains("apt-get autoremove");
    }
  }

  @Test
  void returns_at_most_k_hits_ranked_from_one_best_first_without_repeats() {
    for (SearchMode mode : modes()) {
      for (int k : new int[] {1, 2, 50}) {
        List<Hit> hits = retriever.search(new Query("配置文件和网络接口", k, mode));
        assertThat(hits).as("mode %s, k %d", mode, k).hasSizeLessThanOrEqualTo(k);
        for (int i = 0; i < hits.size(); i++) {
          assertThat(hits.get(i).rank()).as("mode %s, hit %d", mode, i).isEqualTo(i + 1);
          if (i > 0) {
            assertThat(hits.get(i).score())
                .as("mode %s, hit %d", mode, i)
                .isLessThanOrEqualTo(hits.get(i - 1).score());
          }
        }
        assertThat(hits)
            .extracting(h -> h.passage().docId() + "#" + h.passage().start())
            .as("mode %s, k %d", mode, k)
            .doesNotHaveDuplicates();
      }
    }
  }

  @Test
  void odd_query_text_never_throws() {
    for (SearchMode mode : modes()) {
      for (String text : ODD) {
        assertThatCode(
                () ->
                    assertThat(retriever.search(new Query(text, 5, mode)))
                        .hasSizeLessThanOrEqualTo(5))
            .as("mode %s, query %.40s", mode, text)
            .doesNotThrowAnyException();
      }
    }
  }

  @Test
  void words_found_nowhere_in_the_corpus_give_no_word_hits() {
    if (modes().contains(SearchMode.BM25)) { // vector lists always have a nearest passage
      assertThat(retriever.search(new Query("量子色动力学", 3, SearchMode.BM25))).isEmpty();
    }
  }
}
