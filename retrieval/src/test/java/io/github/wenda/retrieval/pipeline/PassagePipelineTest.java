package io.github.wenda.retrieval.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.wenda.retrieval.api.ChunkSettings;
import io.github.wenda.retrieval.api.Corpus;
import io.github.wenda.retrieval.api.Embedder;
import io.github.wenda.retrieval.api.ProgressListener;
import io.github.wenda.retrieval.corpus.CorpusLoader;
import io.github.wenda.retrieval.testing.HashingEmbedder;
import io.github.wenda.retrieval.testing.TestSettings;
import io.github.wenda.retrieval.text.MatchText;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PassagePipelineTest {
  @TempDir Path tmp;

  private Corpus corpus(Map<String, String> files) throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("corpus"));
    for (var f : files.entrySet()) {
      Files.writeString(dir.resolve(f.getKey()), f.getValue());
    }
    return new CorpusLoader(dir, TestSettings.CORPUS).load();
  }

  @Test
  void passages_keep_display_text_while_the_model_sees_match_text() throws Exception {
    List<String> embedded = new ArrayList<>();
    HashingEmbedder hashing = new HashingEmbedder();
    Embedder recording =
        new Embedder() {
          @Override
          public String modelId() {
            return hashing.modelId();
          }

          @Override
          public int dimension() {
            return hashing.dimension();
          }

          @Override
          public List<float[]> embed(List<String> texts) {
            embedded.addAll(texts);
            return hashing.embed(texts);
          }
        };
    Corpus c = corpus(Map.of("a.md", "# 概況\n\n上合組織成立於２００１年，總部（秘書處）設在北京。\n"));

    PipelineRun run =
        new PassagePipeline(TestSettings.CHUNK, recording, 4, ProgressListener.NONE)
            .run(c.documents());

    assertThat(run.passages())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.passage().text()).isEqualTo("上合組織成立於2001年，總部（秘書處）設在北京。");
              assertThat(p.documentHash()).isEqualTo(c.documents().get(0).sha256());
              assertThat(p.vector()).hasSize(new HashingEmbedder().dimension());
            });
    assertThat(embedded).containsExactly("概况\n上合组织成立于2001年,总部(秘书处)设在北京。");
    assertThat(run.perDocument()).containsEntry("a", 1);
    assertThat(run.stages()).containsOnlyKeys("clean", "chunk", "embed");
  }

  @Test
  void
      a_text_repeated_across_documents_and_batches_is_embedded_once_and_every_passage_gets_its_vector()
          throws Exception {
    List<String> embedded = java.util.Collections.synchronizedList(new ArrayList<>());
    HashingEmbedder hashing = new HashingEmbedder();
    Embedder recording =
        new Embedder() {
          @Override
          public String modelId() {
            return hashing.modelId();
          }

          @Override
          public int dimension() {
            return hashing.dimension();
          }

          @Override
          public List<float[]> embed(List<String> texts) {
            embedded.addAll(texts);
            return hashing.embed(texts);
          }
        };
    StringBuilder a = new StringBuilder();
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < 12; i++) {
      a.append("第").append(i).append("段：上合组织的第").append(i).append("项合作。\n\n本页版权所有。\n\n");
      b.append("第").append(i).append("条：成员国的第").append(i).append("项义务。\n\n");
    }
    Corpus c = corpus(Map.of("a.txt", a.toString(), "b.txt", b + "本页版权所有。\n"));

    PipelineRun run =
        new PassagePipeline(new ChunkSettings(20, 0), recording, 3, ProgressListener.NONE)
            .run(c.documents());

    List<String> texts = run.passages().stream().map(p -> MatchText.indexed(p.passage())).toList();
    assertThat(texts).filteredOn(t -> t.equals("本页版权所有。")).hasSize(13);
    assertThat(embedded)
        .doesNotHaveDuplicates()
        .containsExactlyInAnyOrderElementsOf(new java.util.HashSet<>(texts));
    for (EmbeddedPassage p : run.passages()) {
      assertThat(p.vector()).isEqualTo(hashing.embed(MatchText.indexed(p.passage())));
    }
  }

  @Test
  void change_set_names_new_changed_and_removed_documents_by_file_hash() throws Exception {
    Corpus c =
        corpus(Map.of("same.txt", "不变的文字。\n", "edited.txt", "改过的文字。\n", "new.txt", "新的文字。\n"));
    String same =
        c.documents().stream()
            .filter(d -> d.id().equals("same"))
            .findFirst()
            .orElseThrow()
            .sha256();

    ChangeSet changes =
        ChangeSet.between(c, Map.of("same", same, "edited", "old-hash", "gone", "x"), false);

    assertThat(changes.changed())
        .extracting(d -> d.id())
        .containsExactlyInAnyOrder("edited", "new");
    assertThat(changes.removed()).containsExactly("gone");
    assertThat(changes.touched()).hasSize(3);
    assertThat(ChangeSet.between(c, Map.of("same", same), true).changed()).hasSize(3);
    assertThat(ChangeSet.between(c, Map.of(), false).isEmpty()).isFalse();
  }
}
