package io.github.wenda.bot.tuning;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.Styler;

/** PNG charts for sweep and scale reports, drawn without a display. */
public final class Charts {
  static {
    // XChart draws with AWT; on a server (or CI) there is no display to open.
    System.setProperty("java.awt.headless", "true");
  }

  private Charts() {}

  /** Bars per setting, one series per metric: recall@k and MRR@k of each sweep point. */
  public static void sweep(Sweep.Result result, Path png) throws IOException {
    List<String> labels =
        result.rows().stream()
            .map(r -> r.point().label().isEmpty() ? "defaults" : r.point().label())
            .toList();
    CategoryChart chart =
        new CategoryChartBuilder()
            .width(Math.max(800, 60 * labels.size() + 200))
            .height(600)
            .title("Wenda sweep (sorted by " + result.metric().label() + ")")
            .xAxisTitle("setting")
            .yAxisTitle("score")
            .build();
    chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
    chart.getStyler().setXAxisLabelRotation(60);
    chart.getStyler().setYAxisMin(0.0);
    chart.getStyler().setYAxisMax(1.0);
    chart.addSeries(
        "recall@k", labels, result.rows().stream().map(r -> r.result().recallAtK()).toList());
    chart.addSeries("MRR@k", labels, result.rows().stream().map(r -> r.result().mrrAtK()).toList());
    save(chart, png);
  }

  /** Lines over a shared x axis (log scale when it spans a factor of 10 or more). */
  public static void lines(
      String title,
      String xTitle,
      String yTitle,
      List<Double> xs,
      Map<String, List<Double>> series,
      Path png)
      throws IOException {
    XYChart chart =
        new XYChartBuilder()
            .width(800)
            .height(500)
            .title(title)
            .xAxisTitle(xTitle)
            .yAxisTitle(yTitle)
            .build();
    chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNW);
    boolean log =
        xs.stream().mapToDouble(Double::doubleValue).max().orElse(1)
            >= 10 * xs.stream().mapToDouble(Double::doubleValue).min().orElse(1);
    chart.getStyler().setXAxisLogarithmic(log);
    chart.getStyler().setYAxisLogarithmic(log);
    series.forEach((name, ys) -> chart.addSeries(name, xs, ys));
    save(chart, png);
  }

  private static void save(org.knowm.xchart.internal.chartpart.Chart<?, ?> chart, Path png)
      throws IOException {
    Path parent = png.toAbsolutePath().getParent();
    Files.createDirectories(parent);
    BitmapEncoder.saveBitmap(
        chart, png.toString().replaceFirst("(?i)\\.png$", ""), BitmapEncoder.BitmapFormat.PNG);
  }
}
