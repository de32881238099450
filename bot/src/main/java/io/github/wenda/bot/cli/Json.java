package io.github.wenda.bot.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.wenda.retrieval.api.Hit;
import io.github.wenda.retrieval.api.Passage;

/** The JSON shapes of the command-line contracts (see DESIGN.md): keep them stable. */
final class Json {
  private static final ObjectMapper JSON = new ObjectMapper();

  private Json() {}

  /**
   * {@code {"rank","doc","title","passage","score","text"}} plus section, kind, (paged formats)
   * page and {@link #also}.
   */
  static ObjectNode passage(Hit h) {
    Passage p = h.passage();
    ObjectNode o = JSON.createObjectNode();
    o.put("rank", h.rank());
    o.put("doc", p.docId());
    o.put("title", p.title());
    o.put("passage", p.ordinal());
    o.put("score", Math.round(h.score() * 1e6) / 1e6);
    o.put("text", p.text());
    o.put("section", p.section());
    o.put("kind", p.kind().label());
    p.pageNumber().ifPresent(page -> o.put("page", page));
    also(o, h);
    return o;
  }

  /**
   * {@code "also":[{"doc","title","passage","section"}]}: the other documents carrying the same
   * text, folded into this hit; left out when there are none, so existing readers see no change.
   */
  static void also(ObjectNode o, Hit h) {
    if (h.also().isEmpty()) {
      return;
    }
    ArrayNode also = o.putArray("also");
    for (Passage p : h.also()) {
      ObjectNode a = also.addObject();
      a.put("doc", p.docId());
      a.put("title", p.title());
      a.put("passage", p.ordinal());
      a.put("section", p.section());
    }
  }
}
