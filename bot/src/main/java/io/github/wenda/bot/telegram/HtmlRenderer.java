package io.github.wenda.bot.telegram;

import io.github.wenda.bot.answer.Answer;
import io.github.wenda.bot.answer.Citation;
import io.github.wenda.bot.render.Excerpt;
import io.github.wenda.retrieval.chunk.Passage;
import io.github.wenda.retrieval.search.Hit;
import java.util.List;

/**
 * Renders answers as Telegram HTML: the answer, then each source's title and section with the
 * quoted passage in an expandable blockquote (question words in bold), then notes in italics.
 * Every piece of corpus and user text goes through {@link Html#escape}; only this class writes tags.
 */
final class HtmlRenderer {
  static final int EXCERPT_CHARS = 300;

  String answer(Answer answer, Texts t) {
    StringBuilder out = new StringBuilder();
    if (answer.found()) {
      out.append(Html.escape(answer.text())).append("\n\n<b>").append(t.sources()).append("</b>\n");
      for (Citation c : answer.citations()) {
        source(out, c.n(), c.passage(), c.hit().also(), c.matchedTerms());
      }
    } else {
      out.append(t.notFound()).append('\n');
      if (!answer.related().isEmpty()) {
        out.append("\n<b>").append(t.related()).append("</b>\n");
        for (Hit h : answer.related()) {
          source(out, h.rank(), h.passage(), h.also(), List.of());
        }
      }
    }
    for (String note : answer.notes()) {
      out.append("\n<i>※ ").append(Html.escape(note)).append("</i>");
    }
    return out.toString().strip();
  }

  /** Streaming text so far: just the escaped answer, no sources yet. */
  String partial(String text) {
    return Html.escape(text) + " …";
  }

  /** A passage in full, for the "show passage" button. */
  String passage(int n, Passage p, List<String> terms) {
    return "[" + n + "] " + heading(p) + "\n\n" + Excerpt.mark(p.text(), terms, Html::escape, "<b>", "</b>");
  }

  /** Further results, for the "more results" button. */
  String more(List<Hit> hits, Texts t) {
    if (hits.isEmpty()) {
      return t.noMoreResults();
    }
    StringBuilder out = new StringBuilder("<b>").append(t.moreResults()).append("</b>\n");
    for (Hit h : hits) {
      source(out, h.rank(), h.passage(), h.also(), List.of());
    }
    return out.toString().strip();
  }

  private static void source(StringBuilder out, int n, Passage p, List<Passage> also, List<String> terms) {
    out.append('[').append(n).append("] ").append(heading(p)).append('\n');
    for (Passage same : also) {
      out.append("= ").append(heading(same)).append('\n'); // the same text in another document
    }
    String excerpt = Excerpt.window(p.text(), terms, EXCERPT_CHARS);
    out.append("<blockquote expandable>").append(Excerpt.mark(excerpt, terms, Html::escape, "<b>", "</b>"))
        .append("</blockquote>\n");
  }

  private static String heading(Passage p) {
    String h = "<b>" + Html.escape(p.title()) + "</b>";
    if (!p.section().isEmpty()) {
      h += " · " + Html.escape(p.section());
    }
    if (p.pageNumber().isPresent()) {
      h += " · p. " + p.pageNumber().getAsInt();
    }
    return h;
  }
}
