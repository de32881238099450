package io.github.wenda.bot.architecture;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

/**
 * The bot uses retrieval only through its API (README, "Architecture"): the facade package, the
 * engine-neutral values, the shared text analysis, the embedding models and the evaluation. Corpus
 * reading, chunking, the pipeline and the Lucene and Solr engines stay free to change.
 */
class RetrievalApiBoundaryTest {
  /** The retrieval packages the bot may use. */
  static final String[] RETRIEVAL_API = {
    "io.github.wenda.retrieval", // the Retrieval facade, its settings and the corpus watch
    "io.github.wenda.retrieval.api", // queries, hits, passages, settings, reports, WendaException
    "io.github.wenda.retrieval.text", // question analysis and normalisation, the same as search
    // uses
    "io.github.wenda.retrieval.embed", // embedding models and caches, chosen by the application
    "io.github.wenda.retrieval.eval", // question sets and retrieval evaluation over any Retriever
  };

  static final ArchRule BOT_SEES_ONLY_THE_RETRIEVAL_API =
      noClasses()
          .that()
          .resideInAPackage("io.github.wenda.bot..")
          .should()
          .dependOnClassesThat(
              resideInAPackage("io.github.wenda.retrieval..")
                  .and(
                      com.tngtech.archunit.base.DescribedPredicate.not(
                          resideInAnyPackage(RETRIEVAL_API))))
          .because(
              "retrieval's internals (corpus, reader, chunk, pipeline, lucene, solr, backend) may change freely");

  @Test
  void bot_depends_on_retrieval_only_through_the_api_packages() {
    JavaClasses bot =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.github.wenda.bot");

    BOT_SEES_ONLY_THE_RETRIEVAL_API.check(bot);
  }

  @Test
  void the_rule_reports_a_bot_class_that_reaches_past_the_api() {
    JavaClasses fixture = new ClassFileImporter().importClasses(ReachesPastTheApi.class);

    assertThatThrownBy(() -> BOT_SEES_ONLY_THE_RETRIEVAL_API.check(fixture))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("io.github.wenda.retrieval.corpus.CorpusLoader");
  }
}
