package io.github.wenda.bot.evaluation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.wenda.bot.answer.Language;
import io.github.wenda.bot.answer.SentenceCheck;
import io.github.wenda.bot.answer.llm.CheckedReply;
import io.github.wenda.bot.answer.llm.CitationChecker;
import io.github.wenda.bot.answer.llm.LlmSettings;
import io.github.wenda.bot.answer.llm.LlmSettings.UnsupportedPolicy;
import io.github.wenda.bot.answer.llm.Vocabulary;
import io.github.wenda.retrieval.api.Hit;
import io.github.wenda.retrieval.api.Passage;
import io.github.wenda.retrieval.api.ScoreDetails;
import io.github.wenda.retrieval.api.SegmentKind;
import io.github.wenda.retrieval.api.WendaException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Measures {@link CitationChecker} on scripted model replies with known verdicts (JSONL: lines
 * {@code {"passage","title","text"}} define passages; lines {@code {"id","kind","passages":[…],
 * "reply","expect":[true|false per sentence],"outcome":"answer|partial|not_found"}} are cases whose
 * {@code [n]} refers to the n-th listed passage). A flagged claim is a positive: recall is the
 * share of wrong or uncheckable claims flagged, precision the share of flags that were right.
 */
public final class CheckerEvaluation {
  /** One scripted reply. */
  public record Case(
      String id,
      String kind,
      List<Hit> passages,
      String reply,
      List<Boolean> expect,
      String outcome) {}

  /**
   * The figures: claims scored, wrong claims and how many were flagged, faithful claims and how
   * many passed, outcomes right, and a line per disagreement.
   */
  public record Report(
      int cases,
      int claims,
      int wrong,
      int wrongFlagged,
      int faithful,
      int faithfulPassed,
      int outcomesRight,
      List<String> misses) {
    public double recall() {
      return wrong == 0 ? 1 : (double) wrongFlagged / wrong;
    }

    public double precision() {
      int flagged = wrongFlagged + (faithful - faithfulPassed);
      return flagged == 0 ? 1 : (double) wrongFlagged / flagged;
    }

    public double faithfulPassRate() {
      return faithful == 0 ? 1 : (double) faithfulPassed / faithful;
    }

    /** The report as the {@code checker} command prints it. */
    public String describe() {
      StringBuilder b =
          new StringBuilder(
              String.format(
                  Locale.ROOT,
                  "checker on %d scripted replies (%d claims): wrong claims flagged %d/%d (recall %.3f), precision %.3f, "
                      + "faithful claims passed %d/%d (%.3f), outcomes right %d/%d%n",
                  cases,
                  claims,
                  wrongFlagged,
                  wrong,
                  recall(),
                  precision(),
                  faithfulPassed,
                  faithful,
                  faithfulPassRate(),
                  outcomesRight,
                  cases));
      misses.forEach(m -> b.append("  ").append(m).append('\n'));
      return b.toString();
    }
  }

  private final CitationChecker checker;

  public CheckerEvaluation(Vocabulary vocabulary) {
    this.checker =
        new CitationChecker(UnsupportedPolicy.MARK, LlmSettings.DEFAULT_MIN_SUPPORT, vocabulary);
  }

  /** Reads the scripted set; a broken line names file and line. */
  public static List<Case> read(Path file) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new WendaException("cannot read checker replies " + file + ": " + e.getMessage(), e);
    }
    ObjectMapper json = new ObjectMapper();
    Map<String, Hit> passages = new LinkedHashMap<>();
    List<Case> out = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).isBlank()) {
        continue;
      }
      String where = file + ":" + (i + 1) + ": ";
      try {
        JsonNode n = json.readTree(lines.get(i));
        if (n.has("passage")) {
          String id = n.path("passage").asText();
          String text = n.path("text").asText();
          Passage p =
              new Passage(
                  id,
                  n.path("title").asText(id),
                  "",
                  SegmentKind.BODY,
                  passages.size(),
                  0,
                  text.length(),
                  text);
          passages.put(id, new Hit(passages.size() + 1, p, new ScoreDetails(1, 1f, 1, 1f, 1)));
          continue;
        }
        List<Hit> cited = new ArrayList<>();
        for (JsonNode ref : n.path("passages")) {
          Hit h = passages.get(ref.asText());
          if (h == null) {
            throw new WendaException(
                where + "no passage named " + ref.asText() + " above this line");
          }
          cited.add(h);
        }
        List<Boolean> expect = new ArrayList<>();
        n.path("expect").forEach(e -> expect.add(e.asBoolean()));
        if (!n.path("reply").isTextual() || cited.isEmpty()) {
          throw new WendaException(where + "needs \"reply\" and a non-empty \"passages\"");
        }
        out.add(
            new Case(
                n.path("id").asText("line " + (i + 1)),
                n.path("kind").asText(""),
                cited,
                n.get("reply").asText(),
                expect,
                n.path("outcome").asText("")));
      } catch (IOException e) {
        throw new WendaException(where + e.getMessage());
      }
    }
    return out;
  }

  public Report run(List<Case> cases) {
    int claims = 0;
    int wrong = 0;
    int wrongFlagged = 0;
    int faithful = 0;
    int faithfulPassed = 0;
    int outcomesRight = 0;
    List<String> misses = new ArrayList<>();
    for (Case c : cases) {
      CheckedReply r = checker.check(c.reply(), c.passages(), Language.detect(c.reply()));
      String outcome = r.outcome().name().toLowerCase(Locale.ROOT);
      if (outcome.equals(c.outcome())) {
        outcomesRight++;
      } else {
        misses.add(c.id() + " outcome " + outcome + ", expected " + c.outcome() + ": " + c.reply());
      }
      List<SentenceCheck> got = r.sentences();
      for (int i = 0; i < c.expect().size(); i++) {
        boolean expected = c.expect().get(i);
        claims++;
        boolean actual = i < got.size() && got.get(i).supported();
        if (expected) {
          faithful++;
          faithfulPassed += actual ? 1 : 0;
        } else {
          wrong++;
          wrongFlagged += actual ? 0 : 1;
        }
        if (expected != actual) {
          misses.add(
              c.id()
                  + " ["
                  + c.kind()
                  + "] sentence "
                  + (i + 1)
                  + (expected ? " flagged: " : " passed: ")
                  + (i < got.size()
                      ? got.get(i).text() + " — " + got.get(i).reason()
                      : "(missing)"));
        }
      }
    }
    return new Report(
        cases.size(), claims, wrong, wrongFlagged, faithful, faithfulPassed, outcomesRight, misses);
  }
}
