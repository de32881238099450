package io.github.wenda.bot.answer.llm;

import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.UnresolvedModelServerException;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.PartialResponse;
import dev.langchain4j.model.chat.response.PartialResponseContext;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.chat.response.StreamingHandle;
import dev.langchain4j.model.output.FinishReason;
import io.github.wenda.bot.answer.TokenSink;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One chat call with our own deadline on top of LangChain4j's, so a server that accepts the
 * connection and then says nothing cannot hang the console. Returns the reply text or a short,
 * secret-free reason; never throws.
 */
final class LlmCall {
  /**
   * A streamed reply may pause at most {@code timeout} between tokens and last this many timeouts
   * in all.
   */
  static final int STREAM_TOTAL_TIMEOUTS = 4;

  private static final Logger LOG = LoggerFactory.getLogger(LlmCall.class);

  // Daemon threads: an abandoned call must not keep the JVM alive when the user quits.
  private static final ExecutorService CALLS =
      Executors.newCachedThreadPool(
          r -> {
            Thread t = new Thread(r, "wenda-llm");
            t.setDaemon(true);
            return t;
          });

  private LlmCall() {}

  /**
   * The outcome of a call: {@code text} when it worked, else {@code failure}, a reason for a note;
   * {@code truncated} when the reply stopped without a finish (length limit, stream cut off).
   */
  record Reply(String text, String failure, boolean truncated) {
    static Reply ok(String text) {
      return new Reply(text == null ? "" : text, null, false);
    }

    static Reply cut(String text) {
      return new Reply(text == null ? "" : text, null, true);
    }

    static Reply failed(String reason) {
      return new Reply("", reason, false);
    }

    static Reply of(ChatResponse response) {
      String text =
          response == null || response.aiMessage() == null ? "" : response.aiMessage().text();
      FinishReason finish = response == null ? null : response.finishReason();
      return finish == null || finish == FinishReason.LENGTH ? cut(text) : ok(text);
    }

    boolean ok() {
      return failure == null;
    }
  }

  /** Sends {@code request} and waits at most {@code timeout}; on expiry interrupts the call. */
  static Reply blocking(
      ChatModel model, ChatRequest request, Duration timeout, LlmSettings settings) {
    Future<ChatResponse> call;
    try {
      call = CALLS.submit(() -> model.chat(request));
    } catch (RuntimeException e) {
      return failed(e, timeout, settings);
    }
    try {
      ChatResponse response = call.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      Reply reply = Reply.of(response);
      // Servers that omit the finish reason on a blocking reply still sent it whole.
      return response != null && response.finishReason() == null ? Reply.ok(reply.text()) : reply;
    } catch (TimeoutException e) {
      call.cancel(true);
      return failed(e, timeout, settings);
    } catch (ExecutionException e) {
      return failed(e.getCause(), timeout, settings);
    } catch (InterruptedException e) {
      call.cancel(true);
      Thread.currentThread().interrupt();
      return Reply.failed("interrupted");
    }
  }

  /**
   * Streams {@code request}, forwarding tokens to {@code sink} (on the client's thread) until the
   * reply completes, the server stays silent for {@code timeout}, or {@link #STREAM_TOTAL_TIMEOUTS}
   * timeouts have passed in all. Once we give up the stream is cancelled and late tokens are not
   * forwarded.
   */
  static Reply streaming(
      StreamingChatModel model,
      ChatRequest request,
      Duration timeout,
      TokenSink sink,
      LlmSettings settings) {
    CompletableFuture<ChatResponse> done = new CompletableFuture<>();
    StringBuffer received = new StringBuffer();
    AtomicReference<StreamingHandle> handle = new AtomicReference<>();
    AtomicLong lastActivity = new AtomicLong(System.nanoTime());
    AtomicBoolean forwarding = new AtomicBoolean(true);
    StreamingChatResponseHandler handler =
        new StreamingChatResponseHandler() {
          @Override
          public void onPartialResponse(PartialResponse partial, PartialResponseContext context) {
            handle.compareAndSet(null, context.streamingHandle());
            onPartialResponse(partial.text());
          }

          @Override
          public void onPartialResponse(String token) {
            lastActivity.set(System.nanoTime());
            if (token != null && forwarding.get()) {
              received.append(token);
            }
            if (token != null && !token.isEmpty() && forwarding.get()) {
              try {
                sink.token(token);
              } catch (RuntimeException e) {
                // The console failing to print must not cost us the answer.
                LOG.debug("token sink failed: {}", e.getClass().getName());
              }
            }
          }

          @Override
          public void onCompleteResponse(ChatResponse response) {
            done.complete(response);
          }

          @Override
          public void onError(Throwable error) {
            done.completeExceptionally(error);
          }
        };
    long start = System.nanoTime();
    long idle = timeout.toNanos();
    long total = idle * STREAM_TOTAL_TIMEOUTS;
    try {
      model.chat(request, handler);
      while (true) {
        long now = System.nanoTime();
        long wait = Math.min(lastActivity.get() + idle, start + total) - now;
        if (wait <= 0) {
          return failed(new TimeoutException(), timeout, settings);
        }
        try {
          ChatResponse response = done.get(wait, TimeUnit.NANOSECONDS);
          Reply reply = Reply.of(response);
          return reply.text().isEmpty() && received.length() > 0
              ? new Reply(received.toString(), null, reply.truncated())
              : reply;
        } catch (TimeoutException e) {
          // Tokens may have arrived meanwhile; the loop recomputes the deadline.
        }
      }
    } catch (ExecutionException e) {
      if (received.length() > 0) {
        // The connection broke mid-reply: what arrived is kept, as a cut-off reply.
        LOG.info(
            "LLM stream broke after {} characters: {}",
            received.length(),
            reason(e.getCause(), timeout, settings));
        return Reply.cut(received.toString());
      }
      return failed(e.getCause(), timeout, settings);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Reply.failed("interrupted");
    } catch (RuntimeException e) {
      return failed(e, timeout, settings);
    } finally {
      forwarding.set(false);
      if (!done.isDone()) {
        done.cancel(false);
        StreamingHandle h = handle.get();
        if (h != null) {
          try {
            h.cancel();
          } catch (RuntimeException e) {
            LOG.debug("cancelling the stream failed: {}", e.getClass().getName());
          }
        }
      }
    }
  }

  private static Reply failed(Throwable error, Duration timeout, LlmSettings settings) {
    String reason = reason(error, timeout, settings);
    LOG.info("LLM call failed: {}", reason);
    // Exception messages can hold response bodies (a 401 body may echo the key), so only class
    // names.
    LOG.debug("LLM failure chain: {}", chain(error));
    return Reply.failed(reason);
  }

  /** A one-line reason without secrets, query strings or stack traces. */
  static String reason(Throwable error, Duration timeout, LlmSettings settings) {
    for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof TimeoutException
          || t instanceof dev.langchain4j.exception.TimeoutException
          || t instanceof HttpTimeoutException
          || t instanceof java.net.SocketTimeoutException) {
        return "timeout after " + seconds(timeout);
      }
      if (t instanceof HttpException http) {
        int code = http.statusCode();
        return switch (code) {
          case 401, 403 -> "HTTP " + code + ", the server refused the API key";
          case 404 ->
              "HTTP 404, no such model or URL: "
                  + settings.model()
                  + " at "
                  + settings.displayUrl();
          case 429 -> "HTTP 429, rate limited";
          default -> "HTTP " + code;
        };
      }
      if (t instanceof ConnectException) {
        return "cannot connect to " + settings.displayUrl();
      }
      if (t instanceof UnresolvedModelServerException
          || t instanceof UnresolvedAddressException
          || t instanceof UnknownHostException) {
        return "unknown host in " + settings.displayUrl();
      }
    }
    Throwable root = error;
    while (root != null && root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return "error: " + (root == null ? "unknown" : root.getClass().getSimpleName());
  }

  static String seconds(Duration d) {
    long ms = d.toMillis();
    return ms % 1000 == 0 ? (ms / 1000) + " s" : String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
  }

  private static String chain(Throwable error) {
    StringBuilder b = new StringBuilder();
    for (Throwable t = error;
        t != null && b.length() < 500;
        t = t.getCause() == t ? null : t.getCause()) {
      b.append(b.length() == 0 ? "" : " <- ").append(t.getClass().getName());
    }
    return b.toString();
  }
}
