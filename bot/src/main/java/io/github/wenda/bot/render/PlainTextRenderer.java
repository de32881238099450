package io.github.wenda.bot.render;

import io.github.wenda.bot.answer.Answer;
import io.github.wenda.bot.answer.Citation;
import io.github.wenda.bot.answer.Language;
import io.github.wenda.retrieval.chunk.Passage;
import io.github.wenda.retrieval.search.Hit;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Renders an answer as terminal text: the answer first, then numbered sources (title, section,
 * excerpt with the question's words marked), then notes. Not-found answers say so plainly and list
 * the nearest passages as "possibly related", never as an answer.
 */
public final class PlainTextRenderer {
  static final int EXCERPT_CHARS = 160;

  private final TextStyle style;

  public PlainTextRenderer(TextStyle style) {
    this.style = style;
  }

  public String render(Answer answer, String questionLanguage, boolean debug) {
    boolean zh = Language.CHINESE.equals(questionLanguage);
    StringBuilder out = new StringBuilder();
    if (answer.found()) {
      out.append(answer.text()).append("\n\n").append(zh ? "来源：" : "Sources:").append('\n');
      out.append(sources(answer.citations(), debug));
    } else {
      out.append(zh ? "文档中似乎没有这个问题的答案。" : "The documents don't seem to cover this question.").append('\n');
      if (!answer.related().isEmpty()) {
        out.append('\n').append(zh ? "可能相关：" : "Possibly related:").append('\n');
        List<Citation> related = answer.related().stream().map(h -> new Citation(h.rank(), h)).toList();
        out.append(sources(related, debug));
      }
    }
    for (String note : answer.notes()) {
      out.append(style.dimOpen).append("※ ").append(note).append(style.dimClose).append('\n');
    }
    return out.toString();
  }

  /** The numbered source lines for citations (or related hits). */
  public String sources(List<Citation> citations, boolean debug) {
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
      String excerpt = Excerpt.window(p.text(), c.matchedTerms(), EXCERPT_CHARS);
      out.append("     ").append(Excerpt.mark(excerpt, c.matchedTerms(), UnaryOperator.identity(), style.markOpen, style.markClose)).append('\n');
      if (debug) {
        out.append(style.dimOpen).append("     ").append(details(c.hit())).append(style.dimClose).append('\n');
      }
    }
    return out.toString();
  }

  static String details(Hit h) {
    var d = h.details();
    return String.format("%s#%d fused=%.4f bm25=#%d (%.2f) vector=#%d (%.3f)", h.passage().docId(), h.passage().ordinal(),
        d.fused(), d.bm25Rank(), d.bm25Score(), d.vectorRank(), d.vectorScore());
  }
}
