package io.github.wenda.retrieval.solr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ConnectException;
import java.util.ArrayList;
import java.util.List;
import org.apache.solr.client.solrj.SolrServerException;
import org.apache.solr.common.SolrException;
import org.junit.jupiter.api.Test;

/** Solr calls are retried only when the failure's type says it may pass; a bug is never retried. */
class SolrRetriesTest {

  @Test
  void a_connection_failure_is_retried_until_the_call_succeeds() throws Exception {
    Calls calls = new Calls(new ConnectException("refused"), new IOException("reset"));

    SolrBackend.withRetries("commit", calls);

    assertThat(calls.made).isEqualTo(3);
  }

  @Test
  void a_server_error_from_solr_is_retried() throws Exception {
    Calls calls =
        new Calls(
            new SolrException(SolrException.ErrorCode.SERVICE_UNAVAILABLE, "no leader"),
            new SolrServerException("No live SolrServers available"));

    SolrBackend.withRetries("add passages", calls);

    assertThat(calls.made).isEqualTo(3);
  }

  @Test
  void a_request_solr_refuses_is_not_retried() {
    SolrException refused =
        new SolrException(SolrException.ErrorCode.BAD_REQUEST, "vector length 3, expected 512");
    Calls calls = new Calls(refused);

    assertThatThrownBy(() -> SolrBackend.withRetries("add passages", calls)).isSameAs(refused);
    assertThat(calls.made).isEqualTo(1);
  }

  @Test
  void a_bug_is_not_retried() {
    IllegalStateException bug = new IllegalStateException("no batch id");
    Calls calls = new Calls(bug);

    assertThatThrownBy(() -> SolrBackend.withRetries("commit", calls)).isSameAs(bug);
    assertThat(calls.made).isEqualTo(1);
  }

  @Test
  void a_failure_that_persists_is_rethrown_after_the_last_attempt() {
    IOException last = new IOException("third");
    Calls calls =
        new Calls(
            new IOException("first"), new IOException("second"), last, new IOException("never"));

    assertThatThrownBy(() -> SolrBackend.withRetries("commit", calls)).isSameAs(last);
    assertThat(calls.made).isEqualTo(SolrBackend.ATTEMPTS);
  }

  /** Fails with each given exception in turn, then succeeds. */
  private static final class Calls implements SolrBackend.SolrCall {
    private final List<Exception> failures;
    int made;

    Calls(Exception... failures) {
      this.failures = new ArrayList<>(List.of(failures));
    }

    @Override
    public void run() throws IOException, SolrServerException {
      made++;
      if (failures.isEmpty()) {
        return;
      }
      Exception e = failures.remove(0);
      if (e instanceof IOException io) {
        throw io;
      }
      if (e instanceof SolrServerException s) {
        throw s;
      }
      throw (RuntimeException) e;
    }
  }
}
