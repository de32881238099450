package io.github.wenda.bot.answer.llm;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * How to reach the LLM that writes summaries, and how strictly to check its reply. Values come from
 * the {@code llm.*} settings; every check names the key it guards.
 *
 * <p>{@code apiKey} is the secret itself, already read from the environment variable the settings
 * name; it is empty for local servers. It never appears in {@link #toString()} or in a message.
 *
 * @param provider which client speaks to the server
 * @param baseUrl where the server listens, e.g. {@code https://api.deepseek.com/v1} or {@code
 *     http://localhost:11434}
 * @param model the model name sent with each request
 * @param temperature sampling temperature, 0.0 to 2.0
 * @param timeout how long one reply may take (for streaming: the longest silence between tokens)
 * @param apiKey bearer token, or empty for none
 * @param passages how many of the top hits go into the prompt
 * @param unsupported what to do with a sentence its cited passages don't support
 * @param minSupport least rarity-weighted share of a claim's content words its supporting passage
 *     sentences must contain
 * @param stream whether to stream tokens to the console as they arrive
 */
public record LlmSettings(
    Provider provider,
    String baseUrl,
    String model,
    double temperature,
    Duration timeout,
    String apiKey,
    int passages,
    UnsupportedPolicy unsupported,
    double minSupport,
    boolean stream) {

  /** The default for {@code llm.min-support}. */
  public static final double DEFAULT_MIN_SUPPORT = 0.6;

  public LlmSettings {
    Objects.requireNonNull(provider, "llm.provider");
    Objects.requireNonNull(unsupported, "llm.unsupported");
    apiKey = apiKey == null ? "" : apiKey.strip();
    baseUrl = checkBaseUrl(baseUrl);
    if (model == null || model.isBlank()) {
      throw new IllegalArgumentException("llm.model must not be blank, but is: '" + model + "'");
    }
    model = model.strip();
    if (!(temperature >= 0.0 && temperature <= 2.0)) {
      throw new IllegalArgumentException(
          "llm.temperature must be between 0.0 and 2.0, but is: " + temperature);
    }
    if (timeout == null || timeout.isZero() || timeout.isNegative()) {
      throw new IllegalArgumentException(
          "llm.timeout-seconds must be positive, but is: " + timeout);
    }
    if (passages < 1 || passages > 20) {
      throw new IllegalArgumentException(
          "llm.passages must be between 1 and 20, but is: " + passages);
    }
    if (!(minSupport >= 0.0 && minSupport <= 1.0)) {
      throw new IllegalArgumentException(
          "llm.min-support must be between 0.0 and 1.0, but is: " + minSupport);
    }
  }

  /** Whether a key is configured; local servers usually need none. */
  public boolean hasApiKey() {
    return !apiKey.isEmpty();
  }

  /** The base URL without query string or user info, safe to show in notes and logs. */
  public String displayUrl() {
    return displayUrl(baseUrl);
  }

  /** Like the record's, but with the key masked: settings get logged and printed. */
  @Override
  public String toString() {
    return "LlmSettings[provider="
        + provider.label()
        + ", baseUrl="
        + displayUrl()
        + ", model="
        + model
        + ", temperature="
        + temperature
        + ", timeout="
        + timeout
        + ", apiKey="
        + (hasApiKey() ? "***" : "(none)")
        + ", passages="
        + passages
        + ", unsupported="
        + unsupported.label()
        + ", minSupport="
        + minSupport
        + ", stream="
        + stream
        + "]";
  }

  private static String checkBaseUrl(String value) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("llm.base-url must not be blank, but is: '" + value + "'");
    }
    String url = value.strip();
    URI uri;
    try {
      uri = URI.create(url);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("llm.base-url is not a valid URL: " + displayUrl(url));
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
      throw new IllegalArgumentException(
          "llm.base-url must be an http(s) URL, but is: " + displayUrl(url));
    }
    return url;
  }

  // Query strings and user info can carry secrets (?key=…, user:pass@); never echo them.
  static String displayUrl(String url) {
    String s = url;
    int q = s.indexOf('?');
    if (q >= 0) {
      s = s.substring(0, q);
    }
    int scheme = s.indexOf("://");
    int at = s.indexOf('@');
    if (scheme >= 0 && at > scheme) {
      s = s.substring(0, scheme + 3) + s.substring(at + 1);
    }
    return s;
  }

  /** Which LangChain4j client to use. */
  public enum Provider {
    /**
     * Any OpenAI-compatible chat completions server: OpenAI, DeepSeek, Qwen, vLLM, llama.cpp, LM
     * Studio.
     */
    OPENAI,
    /** Ollama's native {@code /api/chat}. */
    OLLAMA;

    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@code openai} or {@code ollama}; the message lists the allowed values. */
    public static Provider parse(String value) {
      for (Provider p : values()) {
        if (value != null && p.label().equalsIgnoreCase(value.strip())) {
          return p;
        }
      }
      throw new IllegalArgumentException(
          "llm.provider must be one of [openai, ollama], but is: " + value);
    }
  }

  /** What to do with a sentence whose cited passages don't back it. */
  public enum UnsupportedPolicy {
    /** Keep it, with a visible mark after it. */
    MARK,
    /** Leave it out of the answer. */
    REMOVE;

    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@code mark} or {@code remove}; the message lists the allowed values. */
    public static UnsupportedPolicy parse(String value) {
      for (UnsupportedPolicy p : values()) {
        if (value != null && p.label().equalsIgnoreCase(value.strip())) {
          return p;
        }
      }
      throw new IllegalArgumentException(
          "llm.unsupported must be one of [mark, remove], but is: " + value);
    }
  }
}
