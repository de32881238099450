package io.github.wenda.bot.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.wenda.bot.answer.Answer;
import io.github.wenda.bot.answer.AnswerService;
import io.github.wenda.bot.answer.Citation;
import io.github.wenda.bot.answer.ExtractiveComposer;
import io.github.wenda.bot.answer.NoAnswerPolicy;
import io.github.wenda.bot.answer.TokenSink;
import io.github.wenda.bot.conversation.Conversation;
import io.github.wenda.bot.conversation.FollowUpMerger;
import io.github.wenda.retrieval.Retrieval;
import io.github.wenda.retrieval.RetrievalSettings;
import io.github.wenda.retrieval.api.ChunkSettings;
import io.github.wenda.retrieval.api.Hit;
import io.github.wenda.retrieval.api.Passage;
import io.github.wenda.retrieval.api.ProgressListener;
import io.github.wenda.retrieval.api.Query;
import io.github.wenda.retrieval.api.ScoreDetails;
import io.github.wenda.retrieval.api.SearchMode;
import io.github.wenda.retrieval.api.SegmentKind;
import io.github.wenda.retrieval.testing.HashingEmbedder;
import io.github.wenda.retrieval.testing.TestSettings;
import io.github.wenda.retrieval.text.QueryAnalyzer;
import io.github.wenda.retrieval.text.QueryNormalizer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Hostile questions (and hostile document text) pushed through search, answering and the Telegram
 * renderer and splitter: nothing throws, every message is valid Telegram HTML within 4096
 * characters, and no question takes long, however long or strange it is.
 */
class HostileQuestionPropertiesTest {
  static final int TRIES = 1000;
  // Generous: a question takes a few milliseconds; this only catches work that grows with input.
  static final long MAX_NANOS_PER_QUESTION = 3_000_000_000L;

  private static final List<String> FRAGMENTS =
      List.of(
          // Lucene query syntax
          "AND",
          " OR ",
          "NOT ",
          "title:",
          "text:上合",
          "*",
          "?",
          "~2",
          "^3",
          "\"",
          "(",
          ")",
          "[1 TO 5]",
          "{",
          "}",
          "\\",
          "/re.*x/",
          "+",
          "-",
          "&&",
          "||",
          "!",
          ":",
          "\"上合组织\"~5",
          // HTML, Markdown and entities
          "<b>",
          "</b>",
          "<script>alert(1)</script>",
          "&amp;",
          "&",
          "&#x41;",
          "&lt",
          "<a href=\"x\">",
          "</blockquote>",
          "<",
          ">",
          "**粗体**",
          "`code`",
          "```",
          "[link](http://x)",
          "> 引用",
          "# 标题",
          // SQL-like
          "'; DROP TABLE passages; --",
          "1 OR 1=1",
          "\" OR \"\"=\"",
          // invisible and direction marks, BOM, combining
          "\u200b",
          "\u200c",
          "\u200d",
          "\u200e",
          "\u200f",
          "\u202a",
          "\u202e",
          "\u2066",
          "\u2069",
          "\ufeff",
          "\u0301",
          "\u00ad",
          // emoji, flags, ZWJ sequences, lone surrogates
          "😀",
          "👨‍👩‍👧",
          "🇨🇳",
          "\ud83d",
          "\ude00",
          "\udbff\udfff",
          // corpus words, Traditional, other scripts
          "上合组织",
          "上合組織",
          "成立",
          "2001年",
          "农业合作示范区",
          "东盟",
          "مرحبا",
          "שלום",
          "Привет",
          "한국어",
          "ไทย",
          "ᠮᠣᠩᠭᠣᠯ",
          // controls and whitespace
          "\u0000",
          "\u0007",
          "\u001b[31m",
          "\u007f",
          "\u0085",
          "\r\n",
          "\t",
          " ",
          "\u3000",
          "\u2028",
          "\n\n");

  private static Path tmp;
  private static Retrieval retrieval;
  private static AnswerService service;
  private static final HtmlRenderer renderer = new HtmlRenderer();
  private static final MessageSplitter splitter = new MessageSplitter();
  private static final AtomicLong slowestNanos = new AtomicLong();

  @BeforeContainer
  static void openRetrieval() throws IOException {
    tmp = Files.createTempDirectory("wenda-hostile");
    Path corpus = Files.createDirectories(tmp.resolve("corpus"));
    Files.writeString(
        corpus.resolve("sco.txt"),
        "上海合作组织成立于2001年6月15日。总部设在北京。\n\n为推动农业领域合作，在中国陕西杨凌成立上合组织农业合作示范区。\n\n"
            + "上合组织与东盟签署了谅解备忘录。\n");
    // Documents can be hostile too: their text reaches the renderer as excerpts and titles.
    Files.writeString(
        corpus.resolve("hostile.md"),
        "# <b>标题</b> & \"引号\"\n\n上合组织 <script>alert(1)</script> AND title:x &amp; &lt; 😀\u200e\u202e。\n\n"
            + "SELECT * FROM passages WHERE 1=1; -- 上合组织 **粗体** `代码`\n");
    RetrievalSettings settings =
        TestSettings.lucene(
            corpus,
            TestSettings.index(tmp.resolve("index"), new ChunkSettings(300, 0), 16),
            TestSettings.SEARCH);
    retrieval = Retrieval.open(settings, new HashingEmbedder(), ProgressListener.NONE);
    QueryAnalyzer analyzer = new QueryAnalyzer();
    service =
        new AnswerService(
            retrieval,
            analyzer,
            retrieval::idf,
            new NoAnswerPolicy(0.3, 0.5, 3),
            new ExtractiveComposer(
                new io.github.wenda.bot.question.QuestionAnalyzer(),
                retrieval::idf,
                new ExtractiveComposer.Limits(3, 300, 3)),
            new FollowUpMerger(analyzer, 200),
            false,
            new AnswerService.Settings(5, SearchMode.HYBRID, 500, 3));
  }

  @AfterContainer
  static void close() throws IOException {
    System.out.printf(
        "hostile questions: slowest %.1f ms per question%n", slowestNanos.get() / 1e6);
    retrieval.close();
    try (Stream<Path> walk = Files.walk(tmp)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  @Provide
  Arbitrary<String> hostile() {
    Arbitrary<String> fragment =
        Arbitraries.oneOf(
            Arbitraries.of(FRAGMENTS),
            Arbitraries.strings()
                .all()
                .ofMaxLength(12), // any UTF-16 unit, lone surrogates included
            Arbitraries.strings().withCharRange('\u4e00', '\u9fa5').ofMaxLength(8),
            Arbitraries.strings().withCharRange('\u0000', '\u001f').ofMaxLength(4));
    Arbitrary<String> mixed = fragment.list().ofMaxSize(16).map(parts -> String.join("", parts));
    Arbitrary<String> huge = fragment.map(HostileQuestionPropertiesTest::hundredThousandChars);
    Arbitrary<String> blank =
        Arbitraries.of("", " ", "\n\t\r ", "\u3000\u200b\ufeff", "\u0000\u0000");
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(20, mixed),
        net.jqwik.api.Tuple.of(1, huge),
        net.jqwik.api.Tuple.of(2, blank));
  }

  private static String hundredThousandChars(String seed) {
    String unit = seed.isEmpty() ? "上合组织" : seed;
    return unit.repeat(100_000 / unit.length() + 1).substring(0, 100_000);
  }

  @Property(tries = TRIES)
  void normalizing_is_bounded_and_search_never_throws(@ForAll("hostile") String question) {
    String normalized = new QueryNormalizer().normalize(question);
    assertThat(normalized.length()).isLessThanOrEqualTo(QueryNormalizer.MAX_CHARS);
    for (SearchMode mode : SearchMode.values()) {
      List<Hit> hits = timed(() -> retrieval.search(new Query(question, 5, mode)));
      assertThat(hits).hasSizeLessThanOrEqualTo(5);
    }
  }

  @Property(tries = TRIES)
  void every_answer_renders_as_valid_telegram_html_within_the_limit(
      @ForAll("hostile") String question) {
    Answer answer = timed(() -> service.answer(new Conversation(3), question, TokenSink.NONE));
    Texts t = Texts.forQuestion(question);
    assertValidMessages(splitter.split(renderer.answer(answer, t)));
    for (Citation c : answer.citations()) {
      assertValidMessages(splitter.split(renderer.passage(c.n(), c.passage(), c.matchedTerms())));
    }
    assertValidMessages(splitter.split(renderer.more(answer.related(), t)));
    if (visibleLength(question) > 500) {
      assertThat(answer.notes()).anyMatch(n -> n.contains("cut to its first 500"));
    }
  }

  @Property(tries = TRIES)
  void hostile_document_text_and_terms_render_as_valid_html(
      @ForAll("hostile") String text,
      @ForAll("hostile") String title,
      @ForAll("hostile") String term) {
    Passage p = new Passage("doc", title, term, SegmentKind.BODY, 0, 0, text.length(), text);
    Hit hit = new Hit(1, p, new ScoreDetails(1, 1f, 1, 0.5f, 1.0));
    List<String> terms = term.isBlank() ? List.of() : List.of(term, "amp", "lt", "b");
    Answer found = Answer.found("答案" + text, List.of(new Citation(1, hit, terms)), List.of(term));
    Answer notFound = Answer.notFound(List.of(hit), List.of(text));
    Texts t = Texts.forQuestion(text);
    assertValidMessages(splitter.split(renderer.answer(found, t)));
    assertValidMessages(splitter.split(renderer.answer(notFound, t)));
    assertValidMessages(splitter.split(renderer.passage(1, p, terms)));
    assertValidMessages(splitter.split(renderer.more(List.of(hit, hit), t)));
  }

  private static void assertValidMessages(List<String> parts) {
    List<String> problems = new ArrayList<>();
    for (String part : parts) {
      if (part.length() > MessageSplitter.TELEGRAM_LIMIT) {
        problems.add("part of " + part.length() + " characters");
      }
      String problem = HtmlCheck.problem(part);
      if (problem != null) {
        problems.add(problem + " in: " + abbreviate(part));
      }
      if (part.isBlank()) {
        problems.add("a blank part");
      }
    }
    assertThat(problems).isEmpty();
  }

  // A lower bound on the question's length after sanitising: controls and surrogates dropped.
  private static int visibleLength(String question) {
    StringBuilder b = new StringBuilder();
    question
        .chars()
        .filter(c -> !Character.isISOControl(c) && !Character.isSurrogate((char) c))
        .forEach(c -> b.append((char) c));
    return b.toString().strip().length();
  }

  private static String abbreviate(String s) {
    return s.length() <= 300 ? s : s.substring(0, 300) + "…";
  }

  private static <T> T timed(java.util.function.Supplier<T> work) {
    long start = System.nanoTime();
    T result = work.get();
    long took = System.nanoTime() - start;
    slowestNanos.accumulateAndGet(took, Math::max);
    assertThat(took).as("nanoseconds for one question").isLessThan(MAX_NANOS_PER_QUESTION);
    return result;
  }
}
