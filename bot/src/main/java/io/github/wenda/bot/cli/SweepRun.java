package io.github.wenda.bot.cli;

import io.github.wenda.bot.tuning.Charts;
import io.github.wenda.bot.tuning.SettingsFile;
import io.github.wenda.bot.tuning.Sweep;
import io.github.wenda.bot.tuning.SweepGrid;
import io.github.wenda.bot.tuning.SweepMetric;
import io.github.wenda.bot.tuning.SweepPoint;
import io.github.wenda.bot.tuning.SweepReport;
import io.github.wenda.retrieval.embed.BgeSmallZhEmbedder;
import io.github.wenda.retrieval.embed.DiskEmbeddingCache;
import io.github.wenda.retrieval.eval.Question;
import io.github.wenda.retrieval.eval.QuestionFile;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code wenda eval --sweep …}: turns each combination into a configuration exactly as {@code
 * --set} would (so values are checked by the config's rules, and a bad one stops the run before any
 * work, naming key and value), runs the sweep, and writes its table, report and chart.
 */
final class SweepRun {
  private SweepRun() {}

  static int run(EvalCommand cmd) throws Exception {
    SweepGrid grid = SweepGrid.parse(cmd.sweep);
    SweepMetric metric = SweepMetric.parse(cmd.metric);
    WendaCommand parent = cmd.parent;
    Launch base = parent.launch();
    List<String> common = new ArrayList<>(parent.overrides());
    if (cmd.k != null) {
      common.add("search.k=" + Options.checkK(cmd.k));
    }
    if (!cmd.mode.equalsIgnoreCase("all")) {
      common.add("search.mode=" + cmd.mode);
    }
    List<SweepPoint> points = new ArrayList<>();
    for (Map<String, String> values : grid.points()) {
      List<String> overrides = new ArrayList<>(common);
      overrides.addAll(SweepGrid.asOverrides(values));
      points.add(
          new SweepPoint(
              values,
              Launch.from(parent.config, overrides, parent.verbose(), parent.env()).retrieval()));
    }
    Path file =
        cmd.questions != null
            ? cmd.questions
            : base.retrieval().corpusDir().resolve("questions.jsonl");
    List<Question> questions = QuestionFile.read(file);
    DiskEmbeddingCache embedder = base.embeddingCache(new BgeSmallZhEmbedder());
    Path sweepDir = base.dataDir().resolve("sweep");
    Sweep.Result result =
        new Sweep(embedder, sweepDir, ConsoleProgress.forTerminal("settings"))
            .run(points, questions, metric);

    PrintWriter out = cmd.spec.commandLine().getOut();
    out.printf(
        "%s: %d answerable questions, %d settings, sorted by %s%n%n",
        file, result.best().result().questions(), points.size(), metric.label());
    SweepReport.printTable(result, out);
    out.printf(
        "%nindexes built %d, reused %d; texts embedded %d, taken from the cache %d (%s)%n",
        result.indexesBuilt(),
        result.indexesReused(),
        embedder.misses(),
        embedder.hits(),
        embedder.file());

    Path md = cmd.report != null ? cmd.report : sweepDir.resolve("report.md");
    Path png =
        md.resolveSibling(md.getFileName().toString().replaceFirst("(?i)\\.md$", "") + ".png");
    Charts.sweep(result, png);
    Files.createDirectories(md.toAbsolutePath().getParent());
    Files.writeString(
        md,
        SweepReport.markdown(
            result, file.toString(), png.getFileName().toString(), LocalDate.now().toString()),
        StandardCharsets.UTF_8);
    out.printf("report %s, chart %s%n", md, png);
    if (cmd.save != null) {
      Sweep.Row best = result.best();
      SettingsFile.write(
          cmd.save,
          best.point().values(),
          List.of(
              "Best of `wenda eval --sweep` on "
                  + LocalDate.now()
                  + " over "
                  + file.getFileName()
                  + String.format(
                      ": %s %.3f, recall@%d %.3f, MRR@%d %.3f.",
                      metric.label(),
                      metric.of(best.result()),
                      best.point().settings().search().k(),
                      best.result().recallAtK(),
                      best.point().settings().search().k(),
                      best.result().mrrAtK()),
              "Use with ./wenda --config FILE (other settings keep their defaults), or copy into config/wenda.yaml."));
      out.printf("best settings saved to %s%n", cmd.save);
    }
    out.flush();
    return Main.OK;
  }
}
