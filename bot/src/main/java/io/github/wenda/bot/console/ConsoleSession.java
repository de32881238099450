package io.github.wenda.bot.console;

import io.github.wenda.bot.answer.Answer;
import io.github.wenda.bot.answer.AnswerService;
import io.github.wenda.bot.answer.Language;
import io.github.wenda.bot.conversation.Conversation;
import io.github.wenda.bot.conversation.ConversationStore;
import io.github.wenda.bot.render.PlainTextRenderer;
import io.github.wenda.bot.render.TextStyle;
import io.github.wenda.retrieval.api.Document;
import io.github.wenda.retrieval.api.SearchMode;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The console's state and commands, apart from the terminal: what {@code :k}, {@code :mode}, {@code
 * :debug} and {@code :reset} change, and how a question is answered and printed. The JLine loop
 * feeds it lines; tests feed it strings.
 */
public final class ConsoleSession {
  /** What a line did: keep reading, or stop. */
  public enum Outcome {
    CONTINUE,
    QUIT
  }

  private static final java.util.Set<String> BARE_COMMANDS =
      java.util.Set.of("quit", "exit", "help", "q");
  private final Map<String, AnswerService> answerModes;
  private final List<Document> documents;
  private final Map<String, Integer> passagesPerDocument;
  private final PrintWriter out;
  private PlainTextRenderer renderer;
  private final TextStyle style;

  /** The console has one conversation; the store is the one the Telegram bot keeps per chat. */
  private static final String CONVERSATION = "console";

  private final ConversationStore<String> conversations;
  private String answerMode;
  private SearchMode searchMode;
  private int k;
  private boolean debug;

  public ConsoleSession(
      Map<String, AnswerService> answerModes,
      String answerMode,
      SearchMode searchMode,
      int k,
      int memoryTurns,
      List<Document> documents,
      Map<String, Integer> passagesPerDocument,
      PrintWriter out,
      TextStyle style) {
    this.answerModes = new LinkedHashMap<>(answerModes);
    this.answerMode = answerMode;
    this.searchMode = searchMode;
    this.k = k;
    this.documents = List.copyOf(documents);
    this.passagesPerDocument = Map.copyOf(passagesPerDocument);
    this.out = out;
    this.style = style;
    this.renderer = new PlainTextRenderer(style);
    this.conversations = new ConversationStore<>(memoryTurns, 1);
  }

  /** Wraps answers to the terminal's width from now on (0: no wrapping). */
  public ConsoleSession wrapTo(int columns) {
    this.renderer = new PlainTextRenderer(style, columns);
    return this;
  }

  public String banner() {
    return "Wenda · "
        + documents.size()
        + " documents · answers "
        + answerMode
        + " · search "
        + searchMode.label()
        + " · k="
        + k
        + "\nAsk a question, or :help for commands.";
  }

  public Outcome handle(String rawLine) {
    String line = rawLine == null ? "" : rawLine.strip();
    if (line.isEmpty()) {
      return Outcome.CONTINUE;
    }
    if (line.startsWith(":")) {
      return command(line);
    }
    if (BARE_COMMANDS.contains(line.toLowerCase(Locale.ROOT))) {
      // quit, exit and help typed without the colon are commands, not questions about the
      // documents.
      return command(":" + line.toLowerCase(Locale.ROOT));
    }
    ask(line);
    return Outcome.CONTINUE;
  }

  private void ask(String question) {
    ConsoleReply reply = new ConsoleReply(out, style, renderer, Language.detect(question), debug);
    Conversation conversation = conversations.of(CONVERSATION);
    Answer answer =
        answerModes.get(answerMode).answer(conversation, question, k, searchMode, reply);
    // Only checked text stays on screen: the streamed draft is erased before anything else is
    // printed.
    if (debug) {
      List<io.github.wenda.bot.conversation.Turn> turns = conversation.history();
      if (!turns.isEmpty() && !turns.get(turns.size() - 1).searchedAs().equals(question)) {
        reply.notice("resolved question: " + turns.get(turns.size() - 1).searchedAs());
      }
    }
    reply.answer(answer);
  }

  /**
   * The provisional area a streamed reply is drafted in: one status line showing the tail of the
   * draft, rewritten in place (ANSI) and erased when the checked answer is ready; nothing at all on
   * a plain terminal, where a line once printed cannot be taken back.
   */
  static final class Provisional {
    /** How much of the draft's tail the status line shows (CJK characters are two columns wide). */
    static final int TAIL_CHARS = 30;

    private final PrintWriter out;
    private final boolean ansi;
    private final StringBuilder draft = new StringBuilder();
    private boolean shown;

    Provisional(PrintWriter out, TextStyle style) {
      this.out = out;
      this.ansi = style == TextStyle.ANSI;
    }

    synchronized void token(String token) {
      draft.append(token);
      if (!ansi) {
        return;
      }
      String flat = draft.toString().replaceAll("\\s+", " ").strip();
      String tail =
          flat.length() <= TAIL_CHARS ? flat : "…" + flat.substring(flat.length() - TAIL_CHARS);
      out.print("\r\u001b[2K\u001b[2m(drafting, not yet checked) " + tail + "\u001b[0m");
      out.flush();
      shown = true;
    }

    synchronized void clear() {
      if (shown) {
        out.print("\r\u001b[2K");
        out.flush();
        shown = false;
      }
    }
  }

  private Outcome command(String line) {
    String[] parts = line.split("\\s+", 2);
    String arg = parts.length > 1 ? parts[1].strip() : "";
    switch (parts[0].toLowerCase(Locale.ROOT)) {
      case ":quit", ":q", ":exit" -> {
        return Outcome.QUIT;
      }
      case ":help", ":h", ":?" -> out.println(help());
      case ":sources" -> sources();
      case ":debug" -> {
        debug = !debug;
        out.println("score details " + (debug ? "on" : "off"));
      }
      case ":reset" -> {
        conversations.reset(CONVERSATION);
        out.println("conversation forgotten");
      }
      case ":k" -> setK(arg);
      case ":mode" -> setMode(arg);
      default -> out.println("unknown command: " + parts[0] + " (try :help)");
    }
    out.flush();
    return Outcome.CONTINUE;
  }

  private void setK(String arg) {
    try {
      int n = Integer.parseInt(arg);
      if (n < 1 || n > 100) {
        throw new NumberFormatException();
      }
      k = n;
      out.println("k = " + k);
    } catch (NumberFormatException e) {
      out.println(
          ":k needs a whole number from 1 to 100, but got: " + (arg.isEmpty() ? "nothing" : arg));
    }
  }

  private void setMode(String arg) {
    String m = arg.toLowerCase(Locale.ROOT);
    if (answerModes.containsKey(m)) {
      answerMode = m;
      out.println("answers: " + m);
      return;
    }
    try {
      searchMode = SearchMode.parse(m);
      out.println("search: " + searchMode.label());
    } catch (IllegalArgumentException e) {
      out.println(
          ":mode takes one of "
              + String.join(", ", answerModes.keySet())
              + " (answers) or hybrid, bm25, vector (search), but got: "
              + (arg.isEmpty() ? "nothing" : arg));
    }
  }

  private void sources() {
    out.println(documents.size() + " documents:");
    for (Document d : documents) {
      out.printf(
          " %s  %s%s  (%d passages)%n",
          d.id(),
          d.title(),
          d.info().author().isEmpty() ? "" : " — " + d.info().author(),
          passagesPerDocument.getOrDefault(d.id(), 0));
    }
  }

  static String help() {
    return String.join(
        "\n",
        "Type a question and press Enter. Follow-up questions (那它和东盟呢？) use the conversation so far.",
        "  :sources     list the documents",
        "  :debug       toggle score details under each source",
        "  :k N         retrieve N passages",
        "  :mode M      answers: extractive | llm; search: hybrid | bm25 | vector",
        "  :reset       forget the conversation",
        "  :help        this help",
        "  :quit        leave (also Ctrl-D; quit, exit and help work without the colon)");
  }
}
