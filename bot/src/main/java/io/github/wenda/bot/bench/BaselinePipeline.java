package io.github.wenda.bot.bench;

import dev.langchain4j.data.document.Document;
import dev.langchain4j.data.document.DocumentSplitter;
import dev.langchain4j.data.document.Metadata;
import dev.langchain4j.data.document.splitter.DocumentSplitters;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.store.embedding.EmbeddingMatch;
import dev.langchain4j.store.embedding.EmbeddingSearchRequest;
import dev.langchain4j.store.embedding.inmemory.InMemoryEmbeddingStore;
import io.github.wenda.retrieval.api.Hit;
import io.github.wenda.retrieval.api.Passage;
import io.github.wenda.retrieval.api.Query;
import io.github.wenda.retrieval.api.Retriever;
import io.github.wenda.retrieval.api.ScoreDetails;
import io.github.wenda.retrieval.api.SegmentKind;
import io.github.wenda.retrieval.text.TextNormalizer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The plain LangChain4j pipeline Wenda is measured against: the raw {@code .txt}/{@code .md} files,
 * {@code DocumentSplitters.recursive(300, 30)}, one embedding model, an {@code
 * InMemoryEmbeddingStore}, top-k by cosine. No cleaning, no BM25, no query handling.
 *
 * <p>As a {@link Retriever} its segments appear as passages whose text is the segment after the
 * inline normaliser, only so that {@code Relevance} judges them by the same rule as Wenda's
 * passages (whitespace removed, contains an answer); search itself sees the raw segment.
 */
public final class BaselinePipeline implements Retriever {
  private final EmbeddingModel model;
  private final InMemoryEmbeddingStore<TextSegment> store = new InMemoryEmbeddingStore<>();
  private final Map<TextSegment, Passage> passages = new IdentityHashMap<>();
  private final List<Passage> all = new ArrayList<>();

  private BaselinePipeline(EmbeddingModel model) {
    this.model = model;
  }

  /** Loads, splits and embeds every document under {@code corpusDir}. */
  public static BaselinePipeline build(Path corpusDir, EmbeddingModel model) {
    BaselinePipeline p = new BaselinePipeline(model);
    List<Document> docs = new ArrayList<>();
    try (Stream<Path> files = Files.walk(corpusDir)) {
      for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
        String name = f.getFileName().toString();
        if (name.endsWith(".txt") || name.endsWith(".md")) {
          docs.add(
              Document.from(
                  Files.readString(f, StandardCharsets.UTF_8), Metadata.from("file_name", name)));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the corpus " + corpusDir, e);
    }
    DocumentSplitter splitter = DocumentSplitters.recursive(300, 30);
    List<TextSegment> segments = splitter.splitAll(docs);
    List<Embedding> embeddings = model.embedAll(segments).content();
    p.store.addAll(embeddings, segments);
    TextNormalizer cleaner = new TextNormalizer();
    for (int i = 0; i < segments.size(); i++) {
      TextSegment s = segments.get(i);
      String judged = cleaner.normalize(s.text());
      Passage passage =
          new Passage(
              String.valueOf(s.metadata().getString("file_name")),
              "",
              "",
              SegmentKind.BODY,
              i,
              0,
              judged.length(),
              judged);
      p.passages.put(s, passage);
      p.all.add(passage);
    }
    return p;
  }

  public List<Passage> passages() {
    return List.copyOf(all);
  }

  @Override
  public List<Hit> search(Query query) {
    Embedding q = model.embed(query.text()).content();
    List<EmbeddingMatch<TextSegment>> matches =
        store
            .search(
                EmbeddingSearchRequest.builder().queryEmbedding(q).maxResults(query.k()).build())
            .matches();
    List<Hit> hits = new ArrayList<>(matches.size());
    for (EmbeddingMatch<TextSegment> m : matches) {
      hits.add(
          new Hit(
              hits.size() + 1,
              passages.get(m.embedded()),
              new ScoreDetails(0, 0f, hits.size() + 1, m.score().floatValue(), m.score())));
    }
    return hits;
  }
}
