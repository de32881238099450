package io.github.wenda.retrieval.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.equivalentTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import io.github.wenda.retrieval.architecture.cycle.alpha.Alpha;
import io.github.wenda.retrieval.architecture.cycle.beta.Beta;
import io.github.wenda.retrieval.lucene.LuceneBackend;
import io.github.wenda.retrieval.solr.SolrBackend;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The package rules of the retrieval module (README, "Architecture"): packages form a DAG, the API
 * values depend on nothing else of retrieval, nothing depends on the facade, and the Lucene and
 * Solr packages are reached only through their backend class.
 */
class RetrievalArchitectureTest {
  private static final String RETRIEVAL = "io.github.wenda.retrieval";

  // Every package its own slice, the facade's root package included (a "(*).." pattern would skip
  // it).
  private static final SliceAssignment BY_PACKAGE =
      new SliceAssignment() {
        @Override
        public SliceIdentifier getIdentifierOf(JavaClass c) {
          String p = c.getPackageName();
          return p.equals(RETRIEVAL) || p.startsWith(RETRIEVAL + ".")
              ? SliceIdentifier.of(p)
              : SliceIdentifier.ignore();
        }

        @Override
        public String getDescription() {
          return "retrieval packages";
        }
      };

  static final ArchRule NO_PACKAGE_CYCLES =
      slices().assignedFrom(BY_PACKAGE).should().beFreeOfCycles();

  static final ArchRule API_DEPENDS_ON_NO_IMPLEMENTATION =
      classes()
          .that()
          .resideInAPackage(RETRIEVAL + ".api")
          .should()
          .onlyDependOnClassesThat(
              not(resideInAPackage(RETRIEVAL + "..")).or(resideInAPackage(RETRIEVAL + ".api")))
          .because(
              "the API values are what every implementation and the bot share; they must not drag an engine in");

  static final ArchRule NOTHING_DEPENDS_ON_THE_FACADE =
      noClasses()
          .that()
          .resideOutsideOfPackage(RETRIEVAL)
          .should()
          .dependOnClassesThat()
          .resideInAPackage(RETRIEVAL)
          .because("the facade is the only class that knows every implementation; it sits on top");

  static final ArchRule LUCENE_ONLY_THROUGH_ITS_BACKEND =
      engineOnlyThroughBackend("lucene", LuceneBackend.class);

  static final ArchRule SOLR_ONLY_THROUGH_ITS_BACKEND =
      engineOnlyThroughBackend("solr", SolrBackend.class);

  private static JavaClasses main;

  private static ArchRule engineOnlyThroughBackend(String engine, Class<?> backend) {
    String pkg = RETRIEVAL + "." + engine;
    return noClasses()
        .that()
        .resideOutsideOfPackage(pkg)
        .should()
        .dependOnClassesThat(resideInAPackage(pkg).and(not(equivalentTo(backend))))
        .because(
            "the "
                + engine
                + " engine's internals may change freely behind "
                + backend.getSimpleName());
  }

  @BeforeAll
  static void importMainClasses() {
    main =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(RETRIEVAL);
  }

  @Test
  void retrieval_packages_have_no_dependency_cycles() {
    NO_PACKAGE_CYCLES.check(main);
  }

  @Test
  void api_values_depend_on_no_other_retrieval_package() {
    API_DEPENDS_ON_NO_IMPLEMENTATION.check(main);
  }

  @Test
  void no_retrieval_package_depends_on_the_facade() {
    NOTHING_DEPENDS_ON_THE_FACADE.check(main);
  }

  @Test
  void lucene_and_solr_are_reached_only_through_their_backend() {
    LUCENE_ONLY_THROUGH_ITS_BACKEND.check(main);
    SOLR_ONLY_THROUGH_ITS_BACKEND.check(main);
  }

  @Test
  void the_cycle_rule_reports_two_packages_that_use_each_other() {
    JavaClasses cyclic = new ClassFileImporter().importClasses(Alpha.class, Beta.class);

    assertThatThrownBy(() -> NO_PACKAGE_CYCLES.check(cyclic))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("cycle.alpha")
        .hasMessageContaining("cycle.beta");
  }
}
