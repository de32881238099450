package io.github.wenda.retrieval.solr;

import io.github.wenda.retrieval.api.Passage;
import io.github.wenda.retrieval.api.SegmentKind;
import io.github.wenda.retrieval.text.MatchText;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.SolrInputDocument;

/** Passages as Solr documents and back; field names are those of {@code managed-schema.xml}. */
final class SolrPassages {
  static final String ID = "id";
  static final String DOC = "doc";
  static final String DOC_HASH = "doc_hash";
  static final String BUILD = "build";
  static final String BATCH = "batch";
  static final String WORDS = "words";
  static final String BIGRAMS = "bigrams";
  static final String VECTOR = "vector";
  static final String PAGE = "page";
  static final String STORED = "id,doc,title,section,kind,ordinal,start,end,text,page";

  private SolrPassages() {}

  /**
   * The Solr id: {@code docId!passageId}. The compositeId router hashes the part before '!', so all
   * passages of one document live on one shard, where a commit shows them all at once or none.
   */
  static String solrId(Passage p) {
    return p.docId().replace("!", "_") + "!" + p.id();
  }

  /** As Solr stores {@code p}; {@code withPage} false for a schema made before the page field. */
  static SolrInputDocument toSolr(
      Passage p, float[] vector, String docHash, String build, String batch, boolean withPage) {
    SolrInputDocument d = new SolrInputDocument();
    d.addField(ID, solrId(p));
    d.addField(DOC, p.docId());
    d.addField(DOC_HASH, docHash);
    d.addField(BUILD, build);
    d.addField(BATCH, batch);
    d.addField("title", p.title());
    d.addField("section", p.section());
    d.addField("kind", p.kind().label());
    d.addField("ordinal", p.ordinal());
    d.addField("start", p.start());
    d.addField("end", p.end());
    d.addField("text", p.text());
    if (withPage) {
      d.addField(PAGE, p.page());
    }
    String searchable = MatchText.indexed(p);
    d.addField(WORDS, searchable);
    d.addField(BIGRAMS, searchable);
    List<Float> v = new ArrayList<>(vector.length);
    for (float f : vector) {
      v.add(f);
    }
    d.addField(VECTOR, v);
    return d;
  }

  static Passage fromSolr(SolrDocument d) {
    return new Passage(
        str(d, DOC),
        str(d, "title"),
        str(d, "section"),
        SegmentKind.valueOf(((String) d.getFirstValue("kind")).toUpperCase(Locale.ROOT)),
        ((Number) d.getFirstValue("ordinal")).intValue(),
        ((Number) d.getFirstValue("start")).intValue(),
        ((Number) d.getFirstValue("end")).intValue(),
        str(d, "text"),
        d.getFirstValue(PAGE) instanceof Number n ? n.intValue() : 0);
  }

  // Solr may drop an empty stored string; the passage record wants "" there.
  private static String str(SolrDocument d, String field) {
    Object v = d.getFirstValue(field);
    return v == null ? "" : v.toString();
  }
}
