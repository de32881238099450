package io.github.wenda.bot.answer;

import io.github.wenda.bot.conversation.Conversation;
import io.github.wenda.bot.conversation.QueryRewriter;
import io.github.wenda.bot.conversation.Turn;
import io.github.wenda.bot.question.Aliases;
import io.github.wenda.bot.question.QuestionAnalysis;
import io.github.wenda.bot.question.QuestionAnalyzer;
import io.github.wenda.retrieval.api.Hit;
import io.github.wenda.retrieval.api.Query;
import io.github.wenda.retrieval.api.Retriever;
import io.github.wenda.retrieval.api.SearchMode;
import io.github.wenda.retrieval.text.QueryAnalyzer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.ToDoubleFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers one question of a conversation: rewrites follow-ups, retrieves, declines when the
 * evidence is weak, composes a cited answer, and remembers the turn. Every front end (console,
 * batch, Telegram) goes through here. Never throws for the question's content.
 */
public final class AnswerService {
  private static final Logger log = LoggerFactory.getLogger(AnswerService.class);

  /**
   * How many passages are retrieved and shown as "possibly related" when declining; {@code
   * answerPassages} passages are searched at least, so the answer may come from beyond the top k.
   */
  public record Settings(
      int k, SearchMode mode, int maxQuestionChars, int relatedShown, int answerPassages) {
    public Settings(int k, SearchMode mode, int maxQuestionChars, int relatedShown) {
      this(k, mode, maxQuestionChars, relatedShown, k);
    }
  }

  private final Retriever retriever;
  private final QuestionAnalyzer analyzer;
  private final SentenceRanker ranker;
  private final Grounding grounding;
  private final SmallTalk smallTalk;
  private final ToDoubleFunction<String> idf;
  private final NoAnswerPolicy policy;
  private final AnswerComposer composer;
  private final QueryRewriter rewriter;
  private final boolean translates;
  private final Settings settings;

  /**
   * @param translates whether the rewriter can translate (an LLM); offline, questions in other
   *     languages get a note that the documents are in Chinese
   */
  public AnswerService(
      Retriever retriever,
      QuestionAnalyzer analyzer,
      ToDoubleFunction<String> idf,
      NoAnswerPolicy policy,
      AnswerComposer composer,
      QueryRewriter rewriter,
      boolean translates,
      Settings settings,
      SmallTalk smallTalk) {
    this.retriever = retriever;
    this.analyzer = analyzer;
    this.ranker =
        composer instanceof ExtractiveComposer e ? e.ranker() : new SentenceRanker(analyzer, idf);
    this.grounding = new Grounding(idf);
    this.smallTalk = smallTalk;
    this.idf = idf;
    this.policy = policy;
    this.composer = composer;
    this.rewriter = rewriter;
    this.translates = translates;
    this.settings = settings;
  }

  /** Without document aliases or topics (tests). */
  public AnswerService(
      Retriever retriever,
      QueryAnalyzer analyzer,
      ToDoubleFunction<String> idf,
      NoAnswerPolicy policy,
      AnswerComposer composer,
      QueryRewriter rewriter,
      boolean translates,
      Settings settings) {
    this(
        retriever,
        new QuestionAnalyzer(analyzer, Aliases.none()),
        idf,
        policy,
        composer,
        rewriter,
        translates,
        settings,
        SmallTalk.generic());
  }

  /**
   * The search a question gets here: the question as written, and enough passages to choose the
   * answer from. Aliases are applied when matching sentences, not appended to the search: the full
   * name pulled passages of the one document that spells it out above the answer (README).
   */
  public Query query(QuestionAnalysis analysis, int k, SearchMode mode) {
    return new Query(analysis.question(), Math.max(k, settings.answerPassages()), mode);
  }

  /** The analysis a question gets here (for explain and follow-up resolution). */
  public QuestionAnalysis analyze(String question) {
    return analyzer.analyze(question);
  }

  public Answer answer(Conversation conversation, String rawQuestion, TokenSink sink) {
    return answer(conversation, rawQuestion, settings.k(), settings.mode(), sink);
  }

  public Answer answer(
      Conversation conversation, String rawQuestion, int k, SearchMode mode, TokenSink sink) {
    return traced(conversation, rawQuestion, k, mode, sink).answer();
  }

  /**
   * An answer with what led to it, for evaluation: the evidence of the one search it ran ({@link
   * Evidence#NONE} when it searched nothing: small talk, an empty question) and how long that
   * search took, so composing can be timed without searching again.
   */
  public record Traced(Answer answer, Evidence evidence, long searchNanos) {
    public Traced {
      java.util.Objects.requireNonNull(answer, "answer");
      java.util.Objects.requireNonNull(evidence, "evidence");
    }
  }

  /** {@link #answer}, with its evidence and search time. */
  public Traced traced(
      Conversation conversation, String rawQuestion, int k, SearchMode mode, TokenSink sink) {
    List<String> notes = new ArrayList<>();
    String question = sanitize(rawQuestion == null ? "" : rawQuestion);
    if (question.length() > settings.maxQuestionChars()) {
      question = cut(question, settings.maxQuestionChars());
      notes.add(
          "The question was cut to its first " + settings.maxQuestionChars() + " characters.");
    }
    if (question.isBlank()) {
      return new Traced(
          Answer.notFound(List.of(), List.of("The question is empty.")), Evidence.NONE, 0);
    }
    String language = Language.detect(question);
    boolean zh = Language.CHINESE.equals(language);
    List<Turn> history = conversation.history();
    Optional<String> chat =
        history.isEmpty() || question.length() < 12
            ? smallTalk.reply(question, zh)
            : Optional.empty();
    if (chat.isPresent()) {
      // Small talk is not remembered: the next question's follow-up context stays the last real
      // one.
      sink.token(chat.get());
      return new Traced(Answer.found(chat.get(), List.of(), notes), Evidence.NONE, 0);
    }
    QueryRewriter.Rewrite rewrite = rewriter.rewriteWithNotes(question, history);
    String searched = rewrite.text();
    notes.addAll(rewrite.notes());
    if (!zh && !translates) {
      notes.add(
          "The documents are in Chinese; without a language model, this question was searched as written, so results may be poor.");
    }
    QuestionAnalysis analysis = analyzer.analyze(searched);
    long searchStart = System.nanoTime();
    List<Hit> hits = retriever.search(query(analysis, k, mode));
    long searchNanos = System.nanoTime() - searchStart;
    TermOverlap overlap = new TermOverlap(analysis.contentWords(), idf);
    Evidence evidence = policy.assess(overlap, hits);
    log.debug(
        "question '{}' searched as '{}': {} hits, evidence {}, {}",
        question,
        searched,
        hits.size(),
        evidence,
        analysis);
    List<Hit> related = hits.subList(0, Math.min(settings.relatedShown(), hits.size()));
    Answer answer;
    if (hits.isEmpty()
        || overlap.isEmpty() && evidence.similarity() == 0
        || policy.declines(evidence)) {
      answer = Answer.notFound(related, notes);
    } else {
      Grounding.Verdict verdict =
          grounding.judge(analysis, ranker.rank(analysis, hits, settings.answerPassages()), zh);
      if (!verdict.covered()) {
        answer = Answer.notFound(related, notes);
      } else if (verdict.notStated().isPresent()) {
        answer = Answer.notStated(verdict.notStated().get(), related, notes);
      } else {
        answer =
            composer.compose(
                new AnswerRequest(question, language, history, searched, analysis), hits, sink);
        for (String n : notes) {
          answer = answer.withNote(n);
        }
      }
    }
    conversation.record(new Turn(question, searched, answer.found() ? answer.text() : ""));
    return new Traced(answer, evidence, searchNanos);
  }

  /**
   * The evidence a stand-alone question finds, as {@link #answer} would judge it (for calibration
   * and explain).
   */
  public Evidence assess(String rawQuestion) {
    String question = sanitize(rawQuestion == null ? "" : rawQuestion);
    if (question.length() > settings.maxQuestionChars()) {
      question = cut(question, settings.maxQuestionChars());
    }
    QuestionAnalysis analysis = analyzer.analyze(question);
    List<Hit> hits =
        retriever.search(new Query(analysis.question(), settings.k(), settings.mode()));
    return policy.assess(new TermOverlap(analysis.contentWords(), idf), hits);
  }

  /**
   * Drops control characters and lone surrogates, which no document contains and some outputs
   * reject.
   */
  static String sanitize(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isHighSurrogate(c)
          && i + 1 < s.length()
          && Character.isLowSurrogate(s.charAt(i + 1))) {
        b.append(c).append(s.charAt(++i));
      } else if (Character.isSurrogate(c)) {
        continue;
      } else if (Character.isISOControl(c)) {
        b.append(c == '\n' || c == '\t' || c == '\r' ? ' ' : "");
      } else {
        b.append(c);
      }
    }
    return b.toString().strip();
  }

  private static String cut(String s, int max) {
    int end = max;
    if (Character.isHighSurrogate(s.charAt(end - 1))) {
      end--;
    }
    return s.substring(0, end);
  }
}
