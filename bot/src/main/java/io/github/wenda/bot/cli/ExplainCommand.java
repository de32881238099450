package io.github.wenda.bot.cli;

import io.github.wenda.bot.answer.Evidence;
import io.github.wenda.bot.answer.NoAnswerPolicy;
import io.github.wenda.bot.console.TerminalSafeWriter;
import io.github.wenda.retrieval.Retrieval;
import io.github.wenda.retrieval.api.Embedder;
import io.github.wenda.retrieval.api.Explanation;
import io.github.wenda.retrieval.api.Hit;
import io.github.wenda.retrieval.api.ScoreDetails;
import io.github.wenda.retrieval.api.SearchMode;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code wenda explain "问题"}: how a question is analysed, ranked, fused and judged answerable. */
@Command(
    name = "explain",
    mixinStandardHelpOptions = true,
    description =
        "Show the normalised question, its terms, each candidate's BM25 and vector ranks and scores, and the no-answer decision.")
final class ExplainCommand implements Callable<Integer> {
  @ParentCommand WendaCommand parent;
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "QUESTION", description = "The question, quoted.")
  String question;

  @Option(
      names = "--top",
      paramLabel = "N",
      defaultValue = "10",
      description = "Candidates to show (default 10).")
  int top;

  @Option(
      names = "--mode",
      paramLabel = "MODE",
      description = "hybrid, bm25 or vector (default: search.mode).")
  String mode;

  @Option(
      names = "--after",
      paramLabel = "QUESTION",
      description =
          "An earlier question of the conversation (repeatable, oldest first): QUESTION is then read as a follow-up.")
  java.util.List<String> after = new java.util.ArrayList<>();

  @Override
  public Integer call() throws Exception {
    Options.checkK(top);
    Launch launch = parent.launch();
    SearchMode m = mode != null ? Options.mode(mode) : launch.retrieval().search().mode();
    Embedder embedder = Answering.embedder();
    // Passages and titles come from documents: no escape sequence of theirs reaches the terminal.
    PrintWriter out = TerminalSafeWriter.wrap(spec.commandLine().getOut(), java.util.Set.of());
    try (Retrieval r = launch.openRetrieval(embedder, ConsoleProgress.forTerminal())) {
      var s = launch.retrieval().search();
      // A follow-up is explained as it is searched: resolved against the earlier questions.
      var resolver = Answering.rewriter(launch, r);
      java.util.List<io.github.wenda.bot.conversation.Turn> history = new java.util.ArrayList<>();
      for (String earlier : after) {
        history.add(
            new io.github.wenda.bot.conversation.Turn(
                earlier, resolver.rewrite(earlier, history), ""));
      }
      var resolution = resolver.resolve(question, history);
      String searched = resolution.resolved();
      Explanation e = r.explain(searched, top, m);
      out.printf("question    %s%n", question);
      if (!after.isEmpty()) {
        out.printf("resolved    %s  (%s)%n", searched, resolution.rule());
      }
      out.printf("normalised  %s%n", e.normalized());
      out.printf("words       %s%n", String.join(" | ", e.words()));
      out.printf(
          "bigrams     %s%n", e.bigrams().isEmpty() ? "(off)" : String.join(" ", e.bigrams()));
      var service = Answering.service(launch, r, embedder);
      var analysis = service.analyze(searched);
      out.printf(
          "answer type %s%s%n",
          analysis.expected().name().toLowerCase(java.util.Locale.ROOT).replace('_', '/'),
          analysis.listCount() > 0 ? " (" + analysis.listCount() + " items)" : "");
      out.printf(
          "focus       entity \"%s\", relation \"%s\", entities %s%n",
          analysis.focus().entity(), analysis.focus().relation(), analysis.focus().entities());
      out.printf(
          "aliases     %s%n",
          analysis.aliasWords().isEmpty()
              ? "(none in the question)"
              : String.join(" | ", analysis.aliasWords()));
      out.printf(
          "search      mode %s, fusion %s (bm25-weight %.2f%s), candidates %d per list, bigram weight %.2f%n",
          m.label(),
          s.fusion().label(),
          e.bm25Weight(),
          s.fusion().label().equals("rrf") ? ", rrf-k " + s.rrfK() : "",
          s.candidates(),
          s.bigramWeight());
      out.printf(
          "coverage    the best BM25 passage holds %.0f%% of the question's term weight%s%n%n",
          100 * e.termCoverage(),
          s.fusion() == io.github.wenda.retrieval.api.FusionMethod.ADAPTIVE
              ? String.format(
                  java.util.Locale.ROOT,
                  " (adaptive: bm25-weight %.2f below %.0f%%, %.2f from %.0f%%)",
                  s.minBm25Weight(),
                  100 * s.coverageLow(),
                  s.bm25Weight(),
                  100 * (s.coverageLow() + s.coverageRamp()))
              : "");
      if (m == SearchMode.HYBRID && s.sentenceWeight() > 0 && s.sentenceDepth() > 0) {
        out.printf(
            "sentences   the first %d fused passages: score relative to the best + %.2f x the share"
                + " of the question's term weight their best sentence holds (sent)%n%n",
            s.sentenceDepth(), s.sentenceWeight());
      }
      out.printf(
          "%4s  %-10s %9s %9s %9s %9s %8s %5s %8s  %s%n",
          "rank",
          "passage",
          "bm25 rank",
          "bm25",
          "vec rank",
          "vec sim",
          "fused",
          "sent",
          "score",
          "matched terms");
      for (Explanation.Candidate c : e.candidates()) {
        Hit h = c.hit();
        ScoreDetails d = h.details();
        out.printf(
            "%4d  %-10s %9s %9s %9s %9s %8.4f %5.2f %8.4f  %s%s%n",
            h.rank(),
            h.passage().id(),
            rank(d.bm25Rank()),
            d.bm25Rank() == 0 ? "-" : String.format("%.3f", d.bm25Score()),
            rank(d.vectorRank()),
            d.vectorRank() == 0 ? "-" : String.format("%.3f", d.vectorScore()),
            d.fused(),
            d.sentence(),
            d.score(),
            String.join(" ", c.matchedWords()),
            c.matchedBigrams().isEmpty()
                ? ""
                : "  [bigrams " + String.join(" ", c.matchedBigrams()) + "]");
        out.printf("      %s%n", excerpt(h.passage().text()));
      }
      NoAnswerPolicy policy = Answering.policy(launch);
      Evidence ev = service.assess(searched);
      boolean declines = policy.declines(ev);
      out.printf(
          "%nno-answer   coverage %.2f %s answer.min-coverage %.2f; similarity %.2f %s answer.min-similarity %.2f (best of top %d)%n",
          ev.coverage(),
          ev.coverage() >= policy.minCoverage() ? ">=" : "<",
          policy.minCoverage(),
          ev.similarity(),
          ev.similarity() >= policy.minSimilarity() ? ">=" : "<",
          policy.minSimilarity(),
          policy.passagesChecked());
      out.printf(
          "decision    %s%n",
          declines
              ? "decline: both below their thresholds (the nearest passages are listed as possibly related)"
              : "answer: "
                  + (ev.coverage() >= policy.minCoverage() ? "coverage" : "similarity")
                  + " reaches its threshold");
      var answer =
          service.answer(
              new io.github.wenda.bot.conversation.Conversation(0),
              question,
              io.github.wenda.bot.answer.TokenSink.NONE);
      out.printf(
          "answer      %s%n",
          answer.found()
              ? "answered: " + answer.text().lines().findFirst().orElse("")
              : answer.notStated() ? "not stated: " + answer.text() : "not covered");
      out.flush();
    }
    return Main.OK;
  }

  private static String rank(int r) {
    return r == 0 ? "-" : Integer.toString(r);
  }

  private static String excerpt(String text) {
    String t = text.replace('\n', ' ');
    return t.length() > 70 ? t.substring(0, 70) + "…" : t;
  }
}
