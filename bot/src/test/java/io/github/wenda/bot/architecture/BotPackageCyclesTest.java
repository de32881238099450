package io.github.wenda.bot.architecture;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The bot's packages depend on each other one way only: a cycle would mean two features can only
 * change together (as answer and conversation did while Turn and QueryRewriter lived in answer).
 */
class BotPackageCyclesTest {
  private static final JavaClasses BOT =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("io.github.wenda.bot");

  @Test
  void bot_packages_have_no_cycles() {
    slices().matching("io.github.wenda.bot.(*)..").should().beFreeOfCycles().check(BOT);
  }
}
