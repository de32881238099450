package io.github.wenda.bot.render;

import io.github.wenda.bot.answer.Answer;
import io.github.wenda.bot.answer.Citation;
import io.github.wenda.bot.answer.Language;
import io.github.wenda.retrieval.api.Hit;
import io.github.wenda.retrieval.api.Passage;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Renders an answer as terminal text: the answer first (its short answer marked), then numbered
 * sources (title, section, and the cited sentence in its context, the question's words marked),
 * then notes. Not-stated answers say what the documents do not say and list the nearest passages as
 * related, never as an answer; not-covered ones say so plainly. With a width, lines wrap by display
 * width with a hanging indent ({@link Wrap}).
 */
public final class PlainTextRenderer {
  static final int EXCERPT_CHARS = 120;

  private final TextStyle style;
  private final int width;

  public PlainTextRenderer(TextStyle style) {
    this(style, 0);
  }

  /**
   * @param width terminal columns to wrap to; 0 does not wrap
   */
  public PlainTextRenderer(TextStyle style, int width) {
    this.style = style;
    this.width = width;
  }

  public String render(Answer answer, String questionLanguage, boolean debug) {
    return render(answer, questionLanguage, debug, true);
  }

  /**
   * Everything after a found answer's text (sources, notes), for when the text was already
   * streamed.
   */
  public String afterText(Answer answer, String questionLanguage, boolean debug) {
    return render(answer, questionLanguage, debug, false);
  }

  private String render(Answer answer, String questionLanguage, boolean debug, boolean withText) {
    boolean zh = Language.CHINESE.equals(questionLanguage);
    StringBuilder out = new StringBuilder();
    if (answer.found()) {
      if (withText) {
        out.append(markSpan(answer.text(), answer.span()));
      }
      if (!answer.citations().isEmpty()) {
        out.append("\n\n").append(zh ? "来源：" : "Sources:").append('\n');
        out.append(sources(answer.citations(), debug, answer.text()));
      } else {
        out.append('\n');
      }
    } else {
      if (answer.notStated()) {
        out.append(answer.text()).append('\n');
      } else {
        out.append(zh ? "文档中似乎没有这个问题的答案。" : "The documents don't seem to cover this question.")
            .append('\n');
      }
      if (!answer.related().isEmpty()) {
        out.append('\n')
            .append(
                answer.notStated()
                    ? (zh ? "相关内容（不是答案）：" : "Related (not an answer):")
                    : (zh ? "可能相关：" : "Possibly related:"))
            .append('\n');
        List<Citation> related =
            answer.related().stream().map(h -> new Citation(h.rank(), h)).toList();
        out.append(sources(related, debug, ""));
      }
    }
    for (String note : answer.notes()) {
      out.append(style.dimOpen).append("※ ").append(note).append(style.dimClose).append('\n');
    }
    return wrap(out.toString());
  }

  /** The numbered source lines for citations (or related hits). */
  public String sources(List<Citation> citations, boolean debug) {
    return sources(citations, debug, "");
  }

  private String sources(List<Citation> citations, boolean debug, String answerText) {
    StringBuilder out = new StringBuilder();
    for (Citation c : citations) {
      Passage p = c.passage();
      out.append(" [").append(c.n()).append("] ").append(p.title());
      if (!p.section().isEmpty()) {
        out.append(" · ").append(p.section());
      }
      p.pageNumber().ifPresent(page -> out.append(" · p. ").append(page));
      if (!"body".equals(p.kind().label())) {
        out.append(" (").append(p.kind().label()).append(')');
      }
      out.append('\n');
      for (Passage same : c.hit().also()) {
        // The same text in another document (say the PDF beside the HTML): named, not repeated.
        out.append("     = ").append(same.title());
        if (!same.section().isEmpty()) {
          out.append(" · ").append(same.section());
        }
        out.append('\n');
      }
      List<String> quotes = answerText.isEmpty() ? List.of() : Excerpt.quotesOf(answerText, c.n());
      String excerpt =
          quotes.isEmpty()
              ? Excerpt.window(p.text(), c.matchedTerms(), EXCERPT_CHARS)
              : Excerpt.around(p.text(), quotes.get(0), c.matchedTerms(), EXCERPT_CHARS);
      out.append("     ")
          .append(
              Excerpt.mark(
                  excerpt,
                  c.matchedTerms(),
                  UnaryOperator.identity(),
                  style.markOpen,
                  style.markClose))
          .append('\n');
      if (debug) {
        out.append(style.dimOpen)
            .append("     ")
            .append(details(c.hit()))
            .append(style.dimClose)
            .append('\n');
      }
    }
    return out.toString();
  }

  private String markSpan(String text, String span) {
    int nl = text.indexOf('\n');
    String first = nl < 0 ? text : text.substring(0, nl);
    int at = span.isEmpty() ? -1 : first.indexOf(span);
    // Only colour may mark the short answer: brackets inside a quote would change what it quotes.
    if (at < 0 || style != TextStyle.ANSI) {
      return text;
    }
    return text.substring(0, at)
        + style.markOpen
        + span
        + style.markClose
        + text.substring(at + span.length());
  }

  private String wrap(String text) {
    if (width <= 0) {
      return text;
    }
    StringBuilder out = new StringBuilder();
    for (String line : text.split("\n", -1)) {
      int lead = 0;
      while (lead < line.length() && line.charAt(lead) == ' ') {
        lead++;
      }
      String indent;
      if (line.startsWith(" [")) {
        indent = "     ";
      } else if (line.matches("^\\d+\\. .*")) {
        indent = " ".repeat(line.indexOf(' ') + 1);
      } else {
        indent = " ".repeat(lead == 0 ? 2 : lead);
      }
      out.append(Wrap.wrap(line, width, indent)).append('\n');
    }
    out.setLength(out.length() - 1);
    return out.toString();
  }

  static String details(Hit h) {
    var d = h.details();
    return String.format(
        "%s#%d fused=%.4f bm25=#%d (%.2f) vector=#%d (%.3f)",
        h.passage().docId(),
        h.passage().ordinal(),
        d.fused(),
        d.bm25Rank(),
        d.bm25Score(),
        d.vectorRank(),
        d.vectorScore());
  }
}
