package io.github.wenda.retrieval.backend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import java.util.List;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.junit.jupiter.api.Test;

class TermCoverageTest {
  /** Lucene's own BM25 idf, to check ours against (it is protected there). */
  private static final class LuceneIdf extends BM25Similarity {
    float of(long df, long n) {
      return idf(df, n);
    }
  }

  @Test
  void idf_is_lucenes_bm25_idf() {
    LuceneIdf lucene = new LuceneIdf();
    for (long[] c : new long[][] {{1, 100}, {50, 100}, {100, 100}, {3, 2500}, {0, 10}}) {
      assertThat(TermCoverage.idf(c[0], c[1])).isCloseTo(lucene.of(c[0], c[1]), offset(1e-5));
    }
  }

  @Test
  void a_rare_word_found_counts_more_than_a_common_one() {
    double rare = TermCoverage.idf(2, 1000);
    double common = TermCoverage.idf(400, 1000);
    double rareFound =
        TermCoverage.share(
            List.of(new TermCoverage.Term(rare, true), new TermCoverage.Term(common, false)));
    double commonFound =
        TermCoverage.share(
            List.of(new TermCoverage.Term(rare, false), new TermCoverage.Term(common, true)));
    assertThat(rareFound).isGreaterThan(0.8);
    assertThat(commonFound).isLessThan(0.2);
    assertThat(rareFound + commonFound).isCloseTo(1.0, offset(1e-12));
  }

  @Test
  void all_terms_found_is_full_coverage_and_none_is_zero() {
    List<TermCoverage.Term> all =
        List.of(new TermCoverage.Term(2.0, true), new TermCoverage.Term(0.5, true));
    assertThat(TermCoverage.share(all)).isEqualTo(1.0);
    assertThat(TermCoverage.share(List.of(new TermCoverage.Term(2.0, false)))).isZero();
    assertThat(TermCoverage.share(List.of())).isZero();
  }

  @Test
  void a_negative_weight_or_count_is_refused_with_its_value() {
    assertThatThrownBy(() -> new TermCoverage.Term(-1, true)).hasMessageContaining("-1");
    assertThatThrownBy(() -> TermCoverage.idf(-3, 10)).hasMessageContaining("-3");
  }
}
