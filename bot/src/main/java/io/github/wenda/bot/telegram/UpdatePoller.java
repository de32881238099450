package io.github.wenda.bot.telegram;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import okhttp3.Call;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.objects.Update;

/**
 * Long-polls getUpdates on one thread. Each batch is written to the {@link UpdateJournal} and
 * forced to disk before the next call's offset confirms it to Telegram, then handed on; an
 * unreadable update is skipped (its id and reason logged) and the rest go on. Failures wait
 * Telegram's {@code retry_after} when it gives one, else back off exponentially.
 *
 * <p>Written instead of TelegramBots' long polling, which confirms a batch before the bot sees it,
 * reads a batch all or nothing, and ignores {@code retry_after} on getUpdates.
 */
final class UpdatePoller implements Runnable {
  private static final Logger log = LoggerFactory.getLogger(UpdatePoller.class);
  private static final MediaType JSON_TYPE = MediaType.get("application/json; charset=utf-8");
  static final int BATCH = 100;

  private final OkHttpClient http;
  private final HttpUrl url;
  private final int timeoutSeconds;
  private final PollBackOff backOff;
  private final UpdateJournal journal;
  private final Consumer<List<Update>> consumer;
  private final TokenScrubber scrubber;
  private volatile boolean stopped;
  private volatile Call current;

  UpdatePoller(
      OkHttpClient http,
      HttpUrl url,
      int timeoutSeconds,
      PollBackOff backOff,
      UpdateJournal journal,
      Consumer<List<Update>> consumer,
      TokenScrubber scrubber) {
    this.http = http;
    this.url = url;
    this.timeoutSeconds = timeoutSeconds;
    this.backOff = backOff;
    this.journal = journal;
    this.consumer = consumer;
    this.scrubber = scrubber;
  }

  @Override
  public void run() {
    while (!stopped && !Thread.currentThread().isInterrupted()) {
      long waitMs;
      try {
        waitMs = pollOnce();
      } catch (RuntimeException e) {
        // The journal could not be written (disk full?): the batch is not confirmed, and is asked
        // for again.
        waitMs = failed("updates not confirmed: " + e.getMessage(), 0);
      }
      if (waitMs > 0) {
        try {
          Thread.sleep(waitMs);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }

  /** One getUpdates; the milliseconds to wait before the next (0: at once). */
  long pollOnce() {
    ObjectNode body = UpdatesResponse.JSON.createObjectNode();
    body.put("offset", journal.lastUpdateId() + 1);
    body.put("limit", BATCH);
    body.put("timeout", timeoutSeconds);
    Request request =
        new Request.Builder().url(url).post(RequestBody.create(body.toString(), JSON_TYPE)).build();
    UpdatesResponse.Result result;
    try {
      Call call = http.newCall(request);
      current = call;
      try (Response response = call.execute();
          ResponseBody rb = response.body()) {
        result = UpdatesResponse.parse(response.code(), rb == null ? "" : rb.string());
      }
    } catch (IOException | RuntimeException e) {
      if (stopped) {
        return 0;
      }
      return failed(scrubber.describe(e), 0);
    } finally {
      current = null;
    }
    if (result instanceof UpdatesResponse.Failed f) {
      long after =
          f.retryAfterSeconds()
              .map(s -> Math.min(TelegramSender.MAX_WAIT.toSeconds(), s) * 1000L)
              .orElse(0L);
      return failed(f.errorCode() + " " + f.description(), after);
    }
    UpdatesResponse.Batch batch = (UpdatesResponse.Batch) result;
    backOff.reset();
    List<Long> skipped = new ArrayList<>();
    for (UpdatesResponse.Skipped s : batch.skipped()) {
      log.warn("update {} skipped: {}", s.updateId(), scrubber.scrub(s.reason()));
      if (s.updateId() > 0) {
        skipped.add(s.updateId());
      }
    }
    if (batch.updates().isEmpty() && skipped.isEmpty()) {
      // Only updates without any id: the offset cannot move past them, so don't ask again at once.
      return batch.skipped().isEmpty() ? 0 : failed("only unreadable updates without update_id", 0);
    }
    List<UpdateJournal.Entry> entries =
        batch.updates().stream().map(r -> new UpdateJournal.Entry(r.updateId(), r.json())).toList();
    List<UpdateJournal.Entry> fresh = journal.received(entries, skipped);
    List<Update> updates = new ArrayList<>();
    for (UpdatesResponse.Read r : batch.updates()) {
      if (fresh.stream().anyMatch(e -> e.updateId() == r.updateId())) {
        updates.add(r.update());
      }
    }
    if (!updates.isEmpty()) {
      consumer.accept(updates);
    }
    return 0;
  }

  private long failed(String reason, long retryAfterMs) {
    long backoff = backOff.nextBackOffMillis();
    long ms = retryAfterMs > 0 ? retryAfterMs : backoff;
    log.warn(
        "getUpdates failed {} time(s) in a row ({}); polling again in {} ms",
        backOff.failures(),
        scrubber.scrub(reason),
        ms);
    return ms;
  }

  /** Stops after the current call, which is cancelled. */
  void stop() {
    stopped = true;
    Call c = current;
    if (c != null) {
      c.cancel();
    }
  }
}
