package io.github.wenda.bot.question;

import io.github.wenda.retrieval.text.QueryAnalyzer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Analyses questions: one {@link QuestionAnalysis} per question, built from search's own normaliser
 * and segmenter.
 */
public final class QuestionAnalyzer {
  private static final Pattern COUNT =
      Pattern.compile("(?:哪|这|有|共|包括|分为)?([一二三四五六七八九十两]|\\d{1,2})(?:个|项|点|条|种|大|方面)");
  private static final Pattern SOURCE =
      Pattern.compile(
          "(出自|出处|责任编辑|截稿|来源于|引自|引用|参考了|参考文献|文献|哪篇文章|哪篇论文|论文|期刊|杂志|哪本书|那本书|出版社|哪份文件|发表在|发表于|刊登|刊载|source|reference|cite)");

  /** Characters that separate the phrases of a question: an entity ends at one of them. */
  private static final String PHRASE_BREAKS = "的与和同及跟、，,是在有对把被将为从于吗呢？?！!。 ";

  private static final String LEADING_FILLERS = "^(请问|那么|那|我想知道|想问一下|问一下|please tell me)\\s*";

  /**
   * Words that frame a question rather than say what it asks: when (时候), who wrote it (作者, 文章), how
   * it is asked (具体, 听说). They are searched but not required of an answer.
   */
  private static final java.util.Set<String> FRAME_WORDS =
      java.util.Set.of(
          "时候",
          "时间",
          "一天",
          "哪天",
          "那天",
          "年份",
          "日期",
          "文章",
          "作者",
          "报告",
          "这篇",
          "那篇",
          "本文",
          "文中",
          "听说",
          "最近",
          "具体",
          "主要",
          "认为",
          "说法",
          "提到",
          "介绍",
          "内容",
          "方面",
          "问题",
          "情况",
          "关于",
          "意思",
          "什么样",
          "那会儿",
          "来着",
          "之类",
          "现在",
          "搞",
          "过",
          "都",
          "一下",
          "办法",
          "讨论",
          "为了",
          "包括",
          "地方",
          "分别",
          "指",
          "叫",
          "算",
          "一共",
          "总共",
          "大概",
          "大约",
          "按",
          "下",
          "下面",
          "下属",
          "旗下",
          "出来",
          "下来",
          "过来",
          "结果",
          "呢",
          "哪些",
          "几个",
          "今后",
          "后来",
          "以后",
          "将来",
          "目前",
          "如今",
          "没",
          "点",
          "啥",
          "论文",
          "期刊",
          "引用",
          "出版社",
          "刊登",
          "发表",
          "题目",
          "书",
          "这本书",
          "那本书",
          "出处",
          "当时",
          "起来",
          "曾经",
          "已经",
          "应该",
          "能",
          "会",
          "可以",
          "还",
          "又",
          "也",
          "做",
          "有关",
          "相关",
          "哪方面",
          // How firmly or on what condition it is asked (到底支持哪些, 不用 X 的话, 能不能, 一般叫什么): the
          // documents state the thing, not the asker's insistence.
          "到底",
          "究竟",
          "不用",
          "不能",
          "能不能",
          "可不可以",
          "要不要",
          "的话",
          "彻底",
          "一般");

  private final QueryAnalyzer words;
  private final Aliases aliases;

  public QuestionAnalyzer(QueryAnalyzer words, Aliases aliases) {
    this.words = words;
    this.aliases = aliases;
  }

  public QuestionAnalyzer() {
    this(new QueryAnalyzer(), Aliases.none());
  }

  public Aliases aliases() {
    return aliases;
  }

  public QuestionAnalysis analyze(String question) {
    String normalized = words.normalize(question);
    List<String> content = words.words(normalized);
    ExpectedType expected = ExpectedType.of(normalized);
    int count = expected == ExpectedType.LIST ? listCount(normalized) : 0;
    List<String> framed =
        content.stream()
            .filter(w -> !FRAME_WORDS.contains(w) && !QueryAnalyzer.isQuestionWord(w))
            .toList();
    List<String> asked = askedNouns(normalized);
    List<String> key = framed.stream().filter(w -> !asked.contains(w)).toList();
    if (key.isEmpty()) {
      key = framed;
    }
    return new QuestionAnalysis(
        question,
        normalized,
        content,
        key,
        aliases.of(normalized),
        focus(normalized, content),
        expected,
        count,
        SOURCE.matcher(normalized.toLowerCase(Locale.ROOT)).find());
  }

  /**
   * The noun a question word asks for (什么场合, 什么建议, 哪种性质): it names the kind of answer, which the
   * answering sentence states without the word itself (在青岛峰会上, 应被赋予更大权限), so it is searched but not
   * required of an answer.
   */
  static List<String> askedNouns(String normalized) {
    List<String> out = new ArrayList<>();
    Matcher m = ASKED_NOUN.matcher(normalized);
    while (m.find()) {
      out.add(m.group(1));
    }
    return out;
  }

  private static final Pattern ASKED_NOUN = Pattern.compile("(?:什么|哪种|何种|哪类|啥)(\\p{IsHan}{2})");

  /** The normalised form of a question, as search sees it. */
  public String normalize(String text) {
    return words.normalize(text);
  }

  /**
   * The matching form of document text: width- and case-folded. Cheaper than {@link #normalize} (no
   * Traditional→Simplified step, which questions need and the passages' match text already had).
   */
  public static String matchForm(String text) {
    return java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFKC)
        .toLowerCase(Locale.ROOT);
  }

  /** Content words of already normalised text. */
  public List<String> words(String normalized) {
    return words.words(normalized);
  }

  /** Terms worth marking in a quoted passage. */
  public List<String> highlightTerms(String normalized) {
    return words.highlightTerms(normalized);
  }

  static int listCount(String q) {
    Matcher m = COUNT.matcher(q);
    while (m.find()) {
      int n = numeral(m.group(1));
      if (n >= 2 && n <= 20) {
        return n;
      }
    }
    return 0;
  }

  /**
   * The value of a numeral of up to two places, in digits or Chinese (两, 十, 十九, 二十三); -1 when it is
   * none.
   */
  public static int numeral(String s) {
    if (!s.isEmpty() && s.chars().allMatch(Character::isDigit)) {
      return s.length() > 6 ? -1 : Integer.parseInt(s);
    }
    String digits = "零一二三四五六七八九";
    String t = s.replace('两', '二');
    int ten = t.indexOf('十');
    if (ten < 0) {
      return t.length() == 1 ? digits.indexOf(t.charAt(0)) : -1;
    }
    int tens = ten == 0 ? 1 : digits.indexOf(t.charAt(0));
    int ones = ten == t.length() - 1 ? 0 : digits.indexOf(t.charAt(ten + 1));
    return tens < 0 || ones < 0 || ten > 1 || t.length() > ten + 2 ? -1 : tens * 10 + ones;
  }

  /**
   * The entities are the phrases between breaks (的, 与, 是 …) that hold content words, the first of
   * them the entity asked about; the relation is the content words outside it.
   */
  private Focus focus(String normalized, List<String> content) {
    String q = normalized.toLowerCase(Locale.ROOT).replaceFirst(LEADING_FILLERS, "");
    List<String> phrases = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (int i = 0; i < q.length(); i++) {
      char c = q.charAt(i);
      if (PHRASE_BREAKS.indexOf(c) >= 0) {
        flush(current, phrases, content);
      } else {
        current.append(c);
      }
    }
    flush(current, phrases, content);
    if (phrases.isEmpty()) {
      return Focus.none();
    }
    String entity = phrases.get(0);
    List<String> relation = new ArrayList<>();
    for (String w : content) {
      if (!entity.contains(w)) {
        relation.add(w);
      }
    }
    // The last phrase is what is asked of the entities (合作 in 上合组织与东盟的合作); the others name them.
    List<String> entities = phrases.size() > 1 ? phrases.subList(0, phrases.size() - 1) : phrases;
    return new Focus(entity, String.join(" ", relation), entities);
  }

  private static void flush(StringBuilder phrase, List<String> out, List<String> content) {
    String p = phrase.toString().strip();
    phrase.setLength(0);
    // Keep only the stretch from the first to the last content word: 哪个城市 holds no content.
    int from = -1;
    int to = -1;
    for (String w : content) {
      int at = p.indexOf(w);
      if (at >= 0 && !QueryAnalyzer.isQuestionWord(w)) {
        from = from < 0 ? at : Math.min(from, at);
        to = Math.max(to, at + w.length());
      }
    }
    if (from >= 0) {
      out.add(p.substring(from, to));
    }
  }
}
