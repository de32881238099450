package io.github.wenda.bot.answer.llm;

import io.github.wenda.bot.answer.Answer;
import io.github.wenda.bot.answer.AnswerComposer;
import io.github.wenda.bot.answer.AnswerRequest;
import io.github.wenda.bot.answer.Citation;
import io.github.wenda.bot.answer.TokenSink;
import io.github.wenda.bot.answer.llm.LlmSettings.Provider;
import io.github.wenda.bot.answer.llm.LlmSettings.UnsupportedPolicy;
import io.github.wenda.retrieval.api.Hit;
import io.github.wenda.retrieval.api.Passage;
import io.github.wenda.retrieval.api.ScoreDetails;
import io.github.wenda.retrieval.api.SegmentKind;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Shared test data: three passages, settings for the fake server, and a fake extractive composer.
 */
final class Fixtures {
  static final String API_KEY = "sk-test-SECRET-4f7c2a";

  static final List<Hit> HITS =
      List.of(
          hit(1, "中国—东盟自由贸易区", "概况", "中国—东盟自由贸易区于2010年1月1日全面建成。自贸区涵盖11个国家，人口约19亿。"),
          hit(2, "中国—东盟自由贸易区", "历史", "2002年11月，中国与东盟签署《全面经济合作框架协议》，启动自贸区建设进程。"),
          hit(3, "上海合作组织", "", "上海合作组织于2001年6月15日在上海成立，创始成员国为六个国家。"));

  /** Word rarity over the bundled corpus, cut into paragraphs, as the checker sees it in use. */
  static final Vocabulary VOCABULARY = corpusVocabulary();

  private Fixtures() {}

  private static Vocabulary corpusVocabulary() {
    List<String> texts = new java.util.ArrayList<>();
    java.nio.file.Path dir = java.nio.file.Path.of("..", "corpus");
    try (var files = java.nio.file.Files.list(dir)) {
      for (java.nio.file.Path f :
          files.filter(p -> p.toString().endsWith(".txt")).sorted().toList()) {
        String text =
            java.nio.file.Files.readString(f)
                .replace('ꎬ', '，')
                .replace('ꎮ', '。')
                .replaceAll("[ 　\\t]+", "");
        // Passage-sized pieces, so document frequencies resemble the index's.
        for (int i = 0; i < text.length(); i += 300) {
          texts.add(text.substring(i, Math.min(text.length(), i + 300)));
        }
      }
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(
          "cannot read the bundled corpus in " + dir.toAbsolutePath(), e);
    }
    HITS.forEach(h -> texts.add(h.passage().text()));
    return Vocabulary.of(texts);
  }

  static Hit hit(int rank, String title, String section, String text) {
    Passage p =
        new Passage("doc-" + rank, title, section, SegmentKind.BODY, rank, 0, text.length(), text);
    return new Hit(rank, p, new ScoreDetails(rank, 1.0f, rank, 0.5f, 1.0 / rank));
  }

  static LlmSettings settings(Provider provider, String baseUrl) {
    return settings(provider, baseUrl, Duration.ofSeconds(2), false, UnsupportedPolicy.MARK);
  }

  static LlmSettings settings(
      Provider provider,
      String baseUrl,
      Duration timeout,
      boolean stream,
      UnsupportedPolicy policy) {
    return new LlmSettings(
        provider, baseUrl, "qwen-test", 0.2, timeout, API_KEY, 3, policy, 0.3, stream);
  }

  static String baseUrl(FakeLlmServer server, Provider provider) {
    return provider == Provider.OPENAI ? server.openAiBaseUrl() : server.ollamaBaseUrl();
  }

  /**
   * Stands in for the offline extractive composer: quotes the first passage and counts its calls.
   */
  static final class FakeExtractive implements AnswerComposer {
    final AtomicInteger calls = new AtomicInteger();

    @Override
    public Answer compose(AnswerRequest request, List<Hit> hits, TokenSink sink) {
      calls.incrementAndGet();
      if (hits.isEmpty()) {
        return Answer.notFound(List.of(), List.of());
      }
      return Answer.found(
          "extractive: " + hits.get(0).passage().text() + "[1]",
          List.of(new Citation(1, hits.get(0))),
          List.of());
    }
  }
}
