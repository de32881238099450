package io.github.wenda.bot.telegram;

import io.github.wenda.bot.answer.Answer;
import io.github.wenda.bot.answer.Citation;
import io.github.wenda.bot.render.Excerpt;
import io.github.wenda.retrieval.api.Hit;
import io.github.wenda.retrieval.api.Passage;
import java.util.List;

/**
 * Renders answers as Telegram HTML: the answer first (its short answer in bold), then the sources
 * folded into one expandable blockquote (title, section, the cited sentence in context), then notes
 * in italics. Not-stated answers say what the documents do not say, with related passages. Also
 * /help, /sources, a full passage, more results and one-line notices. Every piece of corpus and
 * user text goes through {@link Html#escape}; only this class writes tags ({@link MessageSplitter}
 * only closes and reopens them where it cuts a long reply).
 */
final class HtmlRenderer {
  /**
   * Context shown for a related passage: enough to judge it without opening it (the full text is a
   * button away).
   */
  static final int EXCERPT_CHARS = 300;

  /** Context shown around a cited sentence inside the sources quote. */
  static final int SOURCE_CHARS = 120;

  String answer(Answer answer, Texts t) {
    StringBuilder out = new StringBuilder();
    if (answer.found()) {
      out.append(markSpan(answer.text(), answer.span()));
      if (!answer.citations().isEmpty()) {
        // Answer first; the sources fold into one expandable quote so a typical reply fits a phone
        // screen.
        out.append("\n\n<b>").append(t.sources()).append("</b>\n<blockquote expandable>");
        StringBuilder sources = new StringBuilder();
        for (Citation c : answer.citations()) {
          List<String> quotes = Excerpt.quotesOf(answer.text(), c.n());
          sources
              .append(
                  sourceLine(
                      c.n(),
                      c.passage(),
                      c.hit().also(),
                      c.matchedTerms(),
                      quotes.isEmpty() ? "" : quotes.get(0)))
              .append('\n');
        }
        out.append(sources.toString().strip()).append("</blockquote>");
      }
    } else {
      out.append(answer.notStated() ? Html.escape(answer.text()) : t.notFound()).append('\n');
      if (!answer.related().isEmpty()) {
        out.append("\n<b>")
            .append(answer.notStated() ? t.relatedNotAnswer() : t.related())
            .append("</b>\n");
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

  /** The first line's short answer in bold; everything escaped. */
  private static String markSpan(String text, String span) {
    int nl = text.indexOf('\n');
    String first = nl < 0 ? text : text.substring(0, nl);
    int at = span.isEmpty() ? -1 : first.indexOf(span);
    if (at < 0) {
      return Html.escape(text);
    }
    return Html.escape(text.substring(0, at))
        + "<b>"
        + Html.escape(span)
        + "</b>"
        + Html.escape(text.substring(at + span.length()));
  }

  /**
   * One source inside the folded quote: number, title and section, the cited sentence in its
   * context.
   */
  private static String sourceLine(
      int n, Passage p, List<Passage> also, List<String> terms, String quote) {
    String excerpt =
        quote.isEmpty()
            ? Excerpt.window(p.text(), terms, SOURCE_CHARS)
            : Excerpt.around(p.text(), quote, terms, SOURCE_CHARS);
    StringBuilder line =
        new StringBuilder("[").append(n).append("] ").append(heading(p)).append('\n');
    for (Passage same : also) {
      line.append("= ").append(heading(same)).append('\n'); // the same text in another document
    }
    return line.append(Excerpt.mark(excerpt, terms, Html::escape, "<b>", "</b>")).toString();
  }

  /** A fixed sentence (refusal, hint, notice) as Telegram HTML: escaped, no tags. */
  String notice(String text) {
    return Html.escape(text);
  }

  /** /help and /start: how to ask, the documents, and a few example questions. */
  String help(BotCatalog catalog, Texts t) {
    StringBuilder b =
        new StringBuilder(Html.escape(t.usage())).append("\n\n").append(documents(catalog, t));
    if (!catalog.examples().isEmpty()) {
      b.append("\n\n<b>").append(Html.escape(t.examples())).append("</b>");
      for (String ex : catalog.examples()) {
        b.append("\n• ").append(Html.escape(ex));
      }
    }
    return b.toString();
  }

  /** /sources: the documents answered from, numbered, then the files that could not be indexed. */
  String documents(BotCatalog catalog, Texts t) {
    StringBuilder b = new StringBuilder("<b>").append(Html.escape(t.documents())).append("</b>");
    int i = 1;
    for (String d : catalog.documents()) {
      b.append('\n').append(i++).append(". ").append(Html.escape(d));
    }
    if (!catalog.skipped().isEmpty()) {
      b.append("\n\n<b>").append(Html.escape(t.notIndexed())).append("</b>");
      for (String s : catalog.skipped()) {
        b.append("\n· ").append(Html.escape(s));
      }
    }
    return b.toString();
  }

  /** Streaming text so far: just the escaped answer, no sources yet. */
  String partial(String text) {
    return Html.escape(text) + " …";
  }

  /** A passage in full, for the "show passage" button. */
  String passage(int n, Passage p, List<String> terms) {
    return "["
        + n
        + "] "
        + heading(p)
        + "\n\n"
        + Excerpt.mark(p.text(), terms, Html::escape, "<b>", "</b>");
  }

  /** Further results, for the "more results" button. */
  String more(List<Hit> hits, Texts t) {
    if (hits.isEmpty()) {
      return notice(t.noMoreResults());
    }
    StringBuilder out = new StringBuilder("<b>").append(t.moreResults()).append("</b>\n");
    for (Hit h : hits) {
      source(out, h.rank(), h.passage(), h.also(), List.of());
    }
    return out.toString().strip();
  }

  private static void source(
      StringBuilder out, int n, Passage p, List<Passage> also, List<String> terms) {
    out.append('[').append(n).append("] ").append(heading(p)).append('\n');
    for (Passage same : also) {
      out.append("= ").append(heading(same)).append('\n'); // the same text in another document
    }
    String excerpt = Excerpt.window(p.text(), terms, EXCERPT_CHARS);
    out.append("<blockquote expandable>")
        .append(Excerpt.mark(excerpt, terms, Html::escape, "<b>", "</b>"))
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
